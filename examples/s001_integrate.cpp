// Seed 001: integrate() serially and split over n_jobs threads with
// as_completed (In [8]-[18]). Python's GIL left 433 ms -> 380 ms; here the two
// halves really run at once.
#include <weft/futures.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

double integrate(double (*f)(double), double a, double b, long n_iter = 1000) {
    double acc = 0;
    const double step = (b - a) / static_cast<double>(n_iter);
    for (long i = 0; i < n_iter; ++i) acc += f(a + static_cast<double>(i) * step) * step;
    return acc;
}

double integrate_async(double (*f)(double), double a, double b, int n_jobs, long n_iter = 1000) {
    weft::thread_pool_executor executor(n_jobs);
    const double step = (b - a) / n_jobs;
    std::vector<weft::future<double>> fs;
    for (int i = 0; i < n_jobs; ++i)
        fs.push_back(
            executor.submit(integrate, f, a + i * step, a + (i + 1) * step, n_iter / n_jobs));
    double sum = 0;
    for (const auto& fut : weft::as_completed(fs)) sum += fut.result();
    return sum;
}

template <class F>
double best_ms(F f) {
    double best = 1e300;
    for (int r = 0; r < 7; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        best = std::min(
            best, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                      .count());
    }
    return best;
}

double cos_(double x) { return std::cos(x); }
double sin_(double x) { return std::sin(x); }

int main() {
    const double pi = std::acos(-1.0);
    std::printf("%.16g\n", integrate(cos_, 0, pi / 2));
    std::printf("%.16g\n", integrate(sin_, 0, pi));
    std::printf("%.16g\n", integrate_async(cos_, 0, pi / 2, 2));
    std::printf("%.16g\n", integrate_async(sin_, 0, pi, 2));

    volatile double sink = 0;
    const double serial = best_ms([&] { sink = integrate(cos_, 0, pi / 2, 1'000'000); });
    const double two = best_ms([&] { sink = integrate_async(cos_, 0, pi / 2, 2, 1'000'000); });
    const double four = best_ms([&] { sink = integrate_async(cos_, 0, pi / 2, 4, 1'000'000); });
    std::printf(
        "integrate, n_iter=10**6: serial %.2f ms; n_jobs=2 %.2f ms (%.2fx); "
        "n_jobs=4 %.2f ms (%.2fx)\n",
        serial, two, serial / two, four, serial / four);
}
