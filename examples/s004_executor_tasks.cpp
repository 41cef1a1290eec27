// Seed 004's cpu_bound_task (fib) and io_bound_task (sleep), submitted to a
// thread pool instead of one thread each: the CPU-bound jobs use both cores,
// the ten sleeps overlap and finish together.
#include <weft/futures.hpp>

#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

void cpu_bound_task(int n) { std::printf("%d -> %ld\n", n, fib(n)); }

void io_bound_task(int ind) {
    std::printf("start task %d\n", ind);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    std::printf("finish task %d\n", ind);
}

int main() {
    using clock = std::chrono::steady_clock;
    auto t0 = clock::now();
    {
        weft::thread_pool_executor executor(2);
        std::vector<weft::future<void>> fs;
        for (int n : {36, 35, 34, 33, 32, 31, 30, 25, 20, 15, 10})
            fs.push_back(executor.submit(cpu_bound_task, n));
        for (auto& f : fs) f.result();
    }
    std::printf("CPU bound on a 2-worker pool: wall time %.2f s\n",
                std::chrono::duration<double>(clock::now() - t0).count());
    t0 = clock::now();
    {
        weft::thread_pool_executor executor(10);
        std::vector<weft::future<void>> fs;
        for (int i = 0; i < 10; ++i) fs.push_back(executor.submit(io_bound_task, i));
        for (auto& f : fs) f.result();
    }
    std::printf("IO bound on a 10-worker pool: wall time %.2f s\n",
                std::chrono::duration<double>(clock::now() - t0).count());
}
