// concurrent.futures' costs, weft against its peers in one run:
//  1. no-op submit + result(): weft::thread_pool_executor(2), a std::mutex +
//     std::condition_variable pool handing out std::future, Python's
//     ThreadPoolExecutor(2);
//  2. recursive fork-join fib(30), every call submitting one child and waiting
//     for it: weft against oneTBB's task_group (2 threads), ns per spawn;
//  3. parallel_reduce over 100M int64: weft against oneTBB's parallel_reduce,
//     and the machine's streaming-read bandwidth (one pass, 1 and 2 threads).
// Run it as is (unpinned) and under `taskset -c 0` (pinned: every thread on
// one core).
//
//   executor_bench [noop_jobs=1000000] [fib_n=30] [reduce_items=100000000]

#include <weft/futures.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <numeric>
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/parallel_reduce.h>
#include <oneapi/tbb/task_arena.h>
#include <oneapi/tbb/task_group.h>
#include <string>
#include <thread>
#include <vector>

#include "../common/python_peer.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

double seconds_since(clock_type::time_point t0) {
    return std::chrono::duration<double>(clock_type::now() - t0).count();
}

template <class F>
double best_of(int n, F f) {
    double best = 1e300;
    for (int i = 0; i < n; ++i) best = std::min(best, f());
    return best;
}

// The pool a C++ user writes first: one queue, one mutex, one condvar.
class mutex_pool {
public:
    explicit mutex_pool(int n) {
        for (int i = 0; i < n; ++i)
            workers_.emplace_back([this] {
                for (;;) {
                    std::packaged_task<void()> job;
                    {
                        std::unique_lock l(mu_);
                        cv_.wait(l, [this] { return stop_ || !jobs_.empty(); });
                        if (jobs_.empty()) return;
                        job = std::move(jobs_.front());
                        jobs_.pop_front();
                    }
                    job();
                }
            });
    }
    ~mutex_pool() {
        {
            std::lock_guard l(mu_);
            stop_ = true;
        }
        cv_.notify_all();
        for (auto& w : workers_) w.join();
    }
    std::future<void> submit(std::function<void()> f) {
        std::packaged_task<void()> job(std::move(f));
        auto fut = job.get_future();
        {
            std::lock_guard l(mu_);
            jobs_.push_back(std::move(job));
        }
        cv_.notify_one();
        return fut;
    }

private:
    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<std::packaged_task<void()>> jobs_;
    bool stop_ = false;
    std::vector<std::thread> workers_;
};

constexpr long batch = 10'000;

// Submits no-op jobs in batches and waits for each batch: ns per job.
template <class Submit, class Get>
double noop_batches(long n, Submit submit, Get get) {
    std::vector<decltype(submit())> fs;
    fs.reserve(batch);
    const auto t0 = clock_type::now();
    for (long done = 0; done < n; done += batch) {
        fs.clear();
        for (long i = 0; i < batch; ++i) fs.push_back(submit());
        for (auto& f : fs) get(f);
    }
    return seconds_since(t0) / static_cast<double>(n) * 1e9;
}

double noop_weft(long n) {
    weft::thread_pool_executor ex(2);
    (void)ex.submit([] {}).result();  // start the workers
    return noop_batches(
        n, [&] { return ex.submit([] {}); }, [](weft::future<void>& f) { f.result(); });
}

double noop_mutex_pool(long n) {
    mutex_pool pool(2);
    return noop_batches(
        n, [&] { return pool.submit([] {}); }, [](std::future<void>& f) { f.get(); });
}

double noop_python(long n) {
    return weft::bench::run_python_peer(std::string("python3 ") + WEFT_PY_EXECUTOR_BENCH + " " +
                                        std::to_string(n));
}

long fib_weft(weft::thread_pool_executor& ex, int n) {
    if (n < 2) return n;
    auto child = ex.submit([&ex, n] { return fib_weft(ex, n - 1); });
    const long b = fib_weft(ex, n - 2);
    return child.result() + b;
}

long fib_tbb(int n) {
    if (n < 2) return n;
    long a = 0;
    tbb::task_group g;
    g.run([&] { a = fib_tbb(n - 1); });
    const long b = fib_tbb(n - 2);
    g.wait();
    return a + b;
}

long spawns(int n) {    // calls with n >= 2, each submitting one child
    long a = 0, b = 1;  // fib(0), fib(1)
    for (int i = 0; i < n + 1; ++i) b = std::exchange(a, b) + b;
    return a - 1;  // fib(n+1) - 1
}

}  // namespace

int main(int argc, char** argv) {
    const long noop_jobs = argc > 1 ? std::atol(argv[1]) : 1'000'000;
    const int fib_n = argc > 2 ? std::atoi(argv[2]) : 30;
    const long reduce_items = argc > 3 ? std::atol(argv[3]) : 100'000'000;
    cpu_set_t set;
    sched_getaffinity(0, sizeof(set), &set);
    std::printf("CPUs usable by this process: %d\n\n", CPU_COUNT(&set));

    std::printf("1. no-op submit + result(), %ld jobs in batches of %ld, 2 workers\n", noop_jobs,
                batch);
    const double w = best_of(3, [&] { return noop_weft(noop_jobs); });
    const double m = best_of(3, [&] { return noop_mutex_pool(noop_jobs); });
    const double py = noop_python(std::min(noop_jobs, 50'000L));
    std::printf("  weft::thread_pool_executor       %8.1f ns/job\n", w);
    std::printf("  mutex+condvar pool, std::future  %8.1f ns/job   weft is %.1fx faster\n", m,
                m / w);
    std::printf("  Python ThreadPoolExecutor        %8.1f ns/job   weft is %.1fx faster\n\n", py,
                py / w);

    std::printf("2. fork-join fib(%d): every call submits one child and waits, 2 threads\n", fib_n);
    const long n_spawns = spawns(fib_n);
    weft::thread_pool_executor ex(2);
    long r_weft = 0, r_tbb = 0;
    const double fw = best_of(3, [&] {
        const auto t0 = clock_type::now();
        r_weft = ex.submit([&] { return fib_weft(ex, fib_n); }).result();
        return seconds_since(t0);
    });
    tbb::task_arena arena(2);
    const double ft = best_of(3, [&] {
        const auto t0 = clock_type::now();
        arena.execute([&] { r_tbb = fib_tbb(fib_n); });
        return seconds_since(t0);
    });
    if (r_weft != r_tbb) std::printf("  MISMATCH %ld vs %ld\n", r_weft, r_tbb);
    std::printf("  weft  %7.1f ms  %6.1f ns/spawn\n", fw * 1e3, fw * 1e9 / n_spawns);
    std::printf("  oneTBB task_group %7.1f ms  %6.1f ns/spawn   weft/TBB time ratio %.2f\n\n",
                ft * 1e3, ft * 1e9 / n_spawns, fw / ft);

    std::printf("3. sum of %ld int64 (%.0f MB)\n", reduce_items,
                static_cast<double>(reduce_items) * 8 / 1e6);
    std::vector<std::int64_t> data(static_cast<std::size_t>(reduce_items));
    std::iota(data.begin(), data.end(), std::int64_t{0});
    const double bytes = static_cast<double>(reduce_items) * 8;
    volatile std::int64_t sink = 0;
    const double bw1 = best_of(3, [&] {
        const auto t0 = clock_type::now();
        sink = std::accumulate(data.begin(), data.end(), std::int64_t{0});
        return seconds_since(t0);
    });
    const double bw2 = best_of(3, [&] {
        const auto t0 = clock_type::now();
        std::int64_t a = 0, b = 0;
        const auto mid = data.begin() + static_cast<std::ptrdiff_t>(data.size() / 2);
        std::thread t([&] { a = std::accumulate(data.begin(), mid, std::int64_t{0}); });
        b = std::accumulate(mid, data.end(), std::int64_t{0});
        t.join();
        sink = a + b;
        return seconds_since(t0);
    });
    std::int64_t s_weft = 0, s_tbb = 0;
    const double rw = best_of(3, [&] {
        const auto t0 = clock_type::now();
        s_weft = weft::parallel_reduce(
            ex, data, std::int64_t{0}, [](std::int64_t x) { return x; }, std::plus<>());
        return seconds_since(t0);
    });
    const double rt = best_of(3, [&] {
        const auto t0 = clock_type::now();
        arena.execute([&] {
            s_tbb = tbb::parallel_reduce(
                tbb::blocked_range<std::size_t>(0, data.size()), std::int64_t{0},
                [&](const tbb::blocked_range<std::size_t>& r, std::int64_t acc) {
                    for (std::size_t i = r.begin(); i != r.end(); ++i) acc += data[i];
                    return acc;
                },
                std::plus<>());
        });
        return seconds_since(t0);
    });
    if (s_weft != s_tbb) std::printf("  MISMATCH\n");
    std::printf("  streaming read, 1 thread   %6.2f GB/s\n", bytes / bw1 / 1e9);
    std::printf("  streaming read, 2 threads  %6.2f GB/s\n", bytes / bw2 / 1e9);
    std::printf(
        "  weft::parallel_reduce      %6.2f GB/s   %.2fx oneTBB, %.0f%% of 2-thread bandwidth\n",
        bytes / rw / 1e9, rt / rw, 100 * bw2 / rw);
    std::printf("  oneTBB parallel_reduce     %6.2f GB/s\n", bytes / rt / 1e9);
}
