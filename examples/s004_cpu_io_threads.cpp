// Seed 004: cpu_bound_task (fib) on one thread per number, then io_bound_task
// — ten threads that each sleep — finishing together. The notes' CPU run took
// 23.7 s of wall time on threads under the GIL; the sleeps are 5 s there,
// 0.5 s here.
#include <weft/threading.hpp>

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

template <class F>
double timed_threads(F f, const std::vector<int>& args) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<weft::thread> tasks;
    for (int a : args) tasks.emplace_back(f, a);
    for (auto& t : tasks) t.start();
    for (auto& t : tasks) t.join();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int main() {
    const double cpu = timed_threads(cpu_bound_task, {36, 35, 34, 33, 32, 31, 30, 25, 20, 15, 10});
    std::printf("CPU bound on threads: wall time %.2f s\n", cpu);
    const double io = timed_threads(io_bound_task, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    std::printf("IO bound on threads: wall time %.2f s\n", io);
}
