"""Python's peer for bench/futures/executor_bench.cpp: ThreadPoolExecutor(2),
no-op jobs submitted in batches of `batch` and waited with result(). Prints
nanoseconds per job."""
import sys
import time
from concurrent.futures import ThreadPoolExecutor

def noop():
    return None

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    batch = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
    with ThreadPoolExecutor(max_workers=2) as ex:
        t0 = time.perf_counter()
        done = 0
        while done < n:
            fs = [ex.submit(noop) for _ in range(min(batch, n - done))]
            for f in fs:
                f.result()
            done += len(fs)
        dt = time.perf_counter() - t0
    print(f"{dt / n * 1e9:.1f}")

if __name__ == "__main__":
    main()
