// Seed 001: joblib's Parallel(n_jobs)(delayed(integrate)(...) for i in
// range(n_jobs)) (In [12]) — the notes could not even import joblib; weft has
// it built in, over any executor.
#include <weft/futures.hpp>

#include <cmath>
#include <cstdio>
#include <numeric>
#include <vector>

double integrate(double a, double b, long n_iter) {
    double acc = 0;
    const double step = (b - a) / static_cast<double>(n_iter);
    for (long i = 0; i < n_iter; ++i) acc += std::cos(a + static_cast<double>(i) * step) * step;
    return acc;
}

double integrate_async(double a, double b, int n_jobs, long n_iter = 1000) {
    weft::thread_pool_executor executor(n_jobs);
    const double step = (b - a) / n_jobs;
    std::vector<weft::delayed_call<double>> fs;
    for (int i = 0; i < n_jobs; ++i)
        fs.push_back(weft::delayed(integrate)(a + i * step, a + (i + 1) * step, n_iter / n_jobs));
    const auto parts = weft::parallel(executor)(std::move(fs));
    return std::accumulate(parts.begin(), parts.end(), 0.0);
}

int main() {
    const double pi = std::acos(-1.0);
    std::printf("%.16g\n", integrate_async(0, pi / 2, 2));
    std::printf("%.16g\n", integrate_async(0, pi / 2, 4, 1'000'000));
}
