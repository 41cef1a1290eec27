"""Python's peer for bench/queue/queue_bench.cpp: queue.Queue(maxsize), one
producer thread and one consumer thread, N items. Prints items per second."""
import queue
import sys
import threading
import time

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    maxsize = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
    q = queue.Queue(maxsize)

    def producer():
        put = q.put
        for i in range(n):
            put(i)

    t0 = time.perf_counter()
    p = threading.Thread(target=producer)
    p.start()
    get = q.get
    for _ in range(n):
        get()
    p.join()
    dt = time.perf_counter() - t0
    print(f"{n / dt:.0f}")

if __name__ == "__main__":
    main()
