#include <weft/futures.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <functional>
#include <numeric>
#include <stdexcept>
#include <vector>

using namespace std::chrono_literals;

TEST(ParallelFor, EveryIndexOnceAdaptiveAndFixedChunks) {
    weft::thread_pool_executor ex(3);
    for (std::size_t chunk : {0u, 1u, 13u, 100000u}) {
        std::vector<std::atomic<int>> hits(10007);
        weft::parallel_for(
            ex, 0, 10007, [&](int i) { ++hits[i]; }, chunk);
        for (auto& h : hits) ASSERT_EQ(h.load(), 1) << "chunk " << chunk;
    }
    int runs = 0;
    weft::parallel_for(ex, 5, 5, [&](int) { ++runs; });
    weft::parallel_for(ex, 5, 2, [&](int) { ++runs; });
    EXPECT_EQ(runs, 0);
}

TEST(ParallelFor, FirstExceptionReachesTheCallerAndTheRestIsCancelled) {
    weft::thread_pool_executor ex(2);
    std::atomic<int> ran{0};
    try {
        weft::parallel_for(
            ex, 0, 1000,
            [&](int i) {
                ++ran;
                if (i == 0) throw std::range_error("item 0");
                std::this_thread::sleep_for(2ms);  // 1 s of work in all
            },
            5);
        FAIL() << "no exception";
    } catch (const std::range_error& e) {
        EXPECT_STREQ(e.what(), "item 0");
    }
    EXPECT_LT(ran.load(), 1000);  // batches after the failure did not run
}

TEST(ParallelMap, ResultsInOrder) {
    weft::thread_pool_executor ex(2);
    std::vector<int> xs(5000);
    std::iota(xs.begin(), xs.end(), 0);
    auto squares = weft::parallel_map(ex, xs, [](int x) { return 1L * x * x; });
    ASSERT_EQ(squares.size(), xs.size());
    for (int i = 0; i < 5000; ++i) EXPECT_EQ(squares[i], 1L * i * i);
}

TEST(ParallelReduce, SumsAndKeepsOrderForNonCommutative) {
    weft::thread_pool_executor ex(2);
    std::vector<long> xs(100001);
    std::iota(xs.begin(), xs.end(), 0L);
    EXPECT_EQ(weft::parallel_reduce(
                  ex, xs, 0L, [](long x) { return x; }, std::plus<>()),
              100000L * 100001 / 2);
    std::vector<std::string> words{"a", "b", "c", "d", "e", "f", "g"};
    auto joined = weft::parallel_reduce(
        ex, words, std::string(">"), [](const std::string& w) { return w; }, std::plus<>(), 2);
    EXPECT_EQ(joined, ">abcdefg");
    std::vector<long> none;
    EXPECT_EQ(weft::parallel_reduce(
                  ex, none, 7L, [](long x) { return x; }, std::plus<>()),
              7);
}

TEST(Parallel, DelayedCallsLikeJoblib) {
    weft::thread_pool_executor ex(2);
    auto integrate = [](double a, double b, int n) {
        double acc = 0, step = (b - a) / n;
        for (int i = 0; i < n; ++i) acc += std::cos(a + i * step) * step;
        return acc;
    };
    const double pi = std::acos(-1.0);
    std::vector<weft::delayed_call<double>> calls;
    const int n_jobs = 4;
    for (int i = 0; i < n_jobs; ++i)
        calls.push_back(
            weft::delayed(integrate)(pi / 2 / n_jobs * i, pi / 2 / n_jobs * (i + 1), 100000));
    auto parts = weft::parallel(ex)(std::move(calls));
    ASSERT_EQ(parts.size(), 4u);
    EXPECT_NEAR(std::accumulate(parts.begin(), parts.end(), 0.0), 1.0, 1e-4);
}

TEST(ParallelFor, NestedInsideAPoolJobDoesNotDeadlock) {
    weft::thread_pool_executor ex(1);
    auto f = ex.submit([&ex] {
        std::atomic<long> s{0};
        weft::parallel_for(
            ex, 0, 1000, [&](int i) { s += i; }, 10);
        return s.load();
    });
    EXPECT_EQ(f.result(30s), 499500);
}
