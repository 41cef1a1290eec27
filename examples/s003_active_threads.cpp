// Seed 003: active_count(), current_thread().name, enumerate() and a thread
// saying hello; then some_activity() ten times in a row against ten threads —
// the comparison the GIL spoils in Python and weft does not.
#include <weft/threading.hpp>

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

double fact(int n) { return n == 1 ? 1 : n * fact(n - 1); }

volatile double sink;

void some_activity() {
    double acc = 0;
    for (int i = 0; i < 1'000'000; ++i) {
        const double x = i;
        acc += x - (std::pow(x, 3) / fact(3)) + (std::pow(x, 5) / fact(5)) -
               (std::pow(x, 7) / fact(7)) + (std::pow(x, 9) / fact(9)) -
               (std::pow(x, 11) / fact(11));
    }
    sink = acc;
}

double threaded_activity(int n_threads) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<weft::thread> threads;
    for (int i = 0; i < n_threads; ++i) threads.emplace_back(some_activity);
    for (auto& t : threads) t.start();
    for (auto& t : threads) t.join();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int main() {
    std::printf("Running process with pid %d\n", static_cast<int>(::getpid()));
    std::printf("Threads running now: %zu\n", weft::active_count());
    std::printf("Current thread name: %s\n", weft::current_thread().name().c_str());
    for (const auto& t : weft::enumerate()) std::printf("[%s]\n", t.name().c_str());

    weft::thread hello_thread(
        [] { std::printf("Hello from thread %s!\n", weft::current_thread().name().c_str()); });
    hello_thread.start();
    std::printf("Threads running now: %zu\n", weft::active_count());
    hello_thread.join();

    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 10; ++i) some_activity();
    const double serial =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double threaded = threaded_activity(10);
    std::printf("10 x some_activity serially: %.3f s; on 10 threads: %.3f s (%.2fx)\n", serial,
                threaded, serial / threaded);
}
