// weft::lock against std::mutex: uncontended acquire+release, and two
// threads contending on one lock (each iteration: lock, bump a shared
// counter, unlock). Google Benchmark runs both; the ratio is printed last.
//
// An idle thread stays alive for the whole run: glibc takes a non-atomic
// shortcut in pthread_mutex_lock while a process has a single thread, which
// no program that needs a lock ever sees.

#include <weft/threading/lock.hpp>

#include <benchmark/benchmark.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace {

weft::lock g_weft_lock;
std::mutex g_std_mutex;
long g_counter = 0;

void BM_weft_lock(benchmark::State& state) {
    for (auto _ : state) {
        g_weft_lock.acquire();
        benchmark::DoNotOptimize(++g_counter);
        g_weft_lock.release();
    }
}

void BM_std_mutex(benchmark::State& state) {
    for (auto _ : state) {
        g_std_mutex.lock();
        benchmark::DoNotOptimize(++g_counter);
        g_std_mutex.unlock();
    }
}

BENCHMARK(BM_weft_lock)->Name("uncontended/weft::lock");
BENCHMARK(BM_std_mutex)->Name("uncontended/std::mutex");
BENCHMARK(BM_weft_lock)->Name("contended/weft::lock")->Threads(2)->UseRealTime();
BENCHMARK(BM_std_mutex)->Name("contended/std::mutex")->Threads(2)->UseRealTime();

class ratio_reporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override {
        for (const auto& r : runs)
            if (!r.error_occurred && r.run_type == Run::RT_Iteration)
                ns_[r.benchmark_name()] = r.GetAdjustedRealTime();
        ConsoleReporter::ReportRuns(runs);
    }
    void print_ratios() const {
        std::printf("\nns per acquire+release, weft::lock / std::mutex (below 1: weft faster)\n");
        for (const char* kind : {"uncontended", "contended"}) {
            double w = 0, s = 0;
            for (const auto& [name, ns] : ns_) {
                if (name.rfind(std::string(kind) + "/weft::lock", 0) == 0) w = ns;
                if (name.rfind(std::string(kind) + "/std::mutex", 0) == 0) s = ns;
            }
            if (w > 0 && s > 0)
                std::printf("  %-12s weft %.2f ns, std %.2f ns, ratio %.3f\n", kind, w, s, w / s);
        }
    }

private:
    std::map<std::string, double> ns_;
};

}  // namespace

int main(int argc, char** argv) {
    std::atomic<bool> stop{false};
    std::thread idle([&] {
        while (!stop) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    });
    benchmark::Initialize(&argc, argv);
    ratio_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.print_ratios();
    benchmark::Shutdown();
    stop = true;
    idle.join();
}
