#include <weft/futures.hpp>
#include <weft/threading.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

using namespace std::chrono_literals;

TEST(ThreadPoolExecutor, SubmitAndResult) {
    weft::thread_pool_executor ex(4);
    auto f = ex.submit([](int a, int b) { return a + b; }, 2, 3);
    EXPECT_EQ(f.result(5s), 5);
    auto v = ex.submit([] {});
    v.result(5s);
    EXPECT_TRUE(v.done());
    auto sorted = ex.submit(
        [](std::vector<int> xs) {
            std::sort(xs.begin(), xs.end());
            return xs;
        },
        std::vector<int>{4, 3, 1, 2});
    EXPECT_EQ(sorted.result(5s), (std::vector<int>{1, 2, 3, 4}));
}

TEST(ThreadPoolExecutor, DefaultsAndNames) {
    weft::thread_pool_executor ex;
    const std::size_t cpus = std::max(1u, std::thread::hardware_concurrency());
    EXPECT_EQ(ex.max_workers(), std::min<std::size_t>(32, cpus + 4));
    weft::thread_pool_executor named(1, "crawler");
    EXPECT_EQ(named.submit([] { return weft::current_thread().name(); }).result(5s), "crawler_0");
}

TEST(ThreadPoolExecutor, ExceptionCrossesThreadsWithItsType) {
    weft::thread_pool_executor ex(2);
    auto f = ex.submit([]() -> int { throw std::domain_error("bad domain"); });
    try {
        (void)f.result(5s);
        FAIL() << "no exception";
    } catch (const std::domain_error& e) {
        EXPECT_STREQ(e.what(), "bad domain");
    }
}

TEST(ThreadPoolExecutor, CancelBeforeStart) {
    weft::thread_pool_executor ex(1);
    weft::event release;
    auto blocker = ex.submit([&] { release.wait(10s); });
    while (!blocker.running()) std::this_thread::sleep_for(1ms);  // the one worker is busy
    std::atomic<bool> ran{false};
    auto queued = ex.submit([&] { ran = true; });
    EXPECT_TRUE(queued.cancel());
    EXPECT_FALSE(blocker.cancel());  // already running
    release.set();
    blocker.result(5s);
    ex.shutdown();
    EXPECT_FALSE(ran.load());
    EXPECT_THROW(queued.result(), weft::cancelled_error);
}

TEST(ThreadPoolExecutor, SubmitAfterShutdownThrows) {
    weft::thread_pool_executor ex(1);
    ex.shutdown();
    EXPECT_THROW((void)ex.submit([] {}), weft::runtime_error);
    ex.shutdown();  // again: harmless
}

TEST(ThreadPoolExecutor, ShutdownWaitsForQueuedJobs) {
    std::atomic<int> done{0};
    {
        weft::thread_pool_executor ex(2);
        for (int i = 0; i < 20; ++i)
            (void)ex.submit([&] {
                std::this_thread::sleep_for(1ms);
                ++done;
            });
    }  // the destructor is shutdown(wait=true)
    EXPECT_EQ(done.load(), 20);
}

TEST(ThreadPoolExecutor, ShutdownCancelFutures) {
    weft::thread_pool_executor ex(1);
    weft::event release;
    auto running = ex.submit([&] { release.wait(10s); });
    std::vector<weft::future<void>> queued;
    for (int i = 0; i < 10; ++i) queued.push_back(ex.submit([] {}));
    while (!running.running()) std::this_thread::sleep_for(1ms);
    ex.shutdown(false, true);
    for (auto& f : queued) EXPECT_TRUE(f.cancelled());
    release.set();
    running.result(5s);
    ex.shutdown(true);
}

TEST(ThreadPoolExecutor, ShutdownWithoutWaitReturnsAtOnce) {
    weft::thread_pool_executor ex(1);
    weft::event release;
    auto f = ex.submit([&] { release.wait(10s); });
    const auto t0 = std::chrono::steady_clock::now();
    ex.shutdown(false);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 1s);
    release.set();
    f.result(5s);
}

TEST(ThreadPoolExecutor, NestedSubmitAndWaitWithOneWorker) {
    // The bug of many C++ pools: a job waiting on a job of the same pool.
    weft::thread_pool_executor ex(1);
    auto outer = ex.submit([&ex] {
        auto inner = ex.submit([] { return 7; });
        return inner.result(10s) * 6;
    });
    EXPECT_EQ(outer.result(10s), 42);
}

namespace {
long fib(weft::thread_pool_executor& ex, int n) {
    if (n < 12) {
        long a = 0, b = 1;
        for (int i = 0; i < n; ++i) b = std::exchange(a, b) + b;
        return a;
    }
    auto child = ex.submit([&ex, n] { return fib(ex, n - 1); });
    const long right = fib(ex, n - 2);
    return child.result() + right;
}
}  // namespace

TEST(ThreadPoolExecutor, RecursiveForkJoin) {
    weft::thread_pool_executor ex(2);
    EXPECT_EQ(ex.submit([&ex] { return fib(ex, 22); }).result(30s), 17711);
}

TEST(ThreadPoolExecutor, InitializerRunsInEachWorker) {
    std::atomic<int> inits{0};
    weft::local<int> tag;
    weft::thread_pool_executor ex(2, "init", [&] {
        ++inits;
        *tag = 99;
    });
    EXPECT_EQ(ex.submit([&] { return *tag; }).result(5s), 99);
    ex.shutdown();
    EXPECT_GE(inits.load(), 1);
}

TEST(ThreadPoolExecutor, FailingInitializerBreaksThePool) {
    weft::thread_pool_executor ex(1, "broken", [] { throw std::runtime_error("no init"); });
    auto f = ex.submit([] { return 1; });
    EXPECT_THROW((void)f.result(10s), weft::broken_executor);
    // Once broken, new work is refused.
    for (int i = 0; i < 100; ++i) {
        try {
            auto g = ex.submit([] { return 2; });
            EXPECT_THROW((void)g.result(10s), weft::broken_executor);
        } catch (const weft::broken_executor&) {
            return;
        }
    }
}

TEST(ThreadPoolExecutor, MapInOrderWithChunks) {
    weft::thread_pool_executor ex(3);
    std::vector<int> items(100);
    std::iota(items.begin(), items.end(), 0);
    for (std::size_t chunk : {1u, 7u, 100u}) {
        auto results = ex.map([](int x) { return x * x; }, items, std::nullopt, chunk).to_vector();
        ASSERT_EQ(results.size(), 100u);
        for (int i = 0; i < 100; ++i) EXPECT_EQ(results[i], i * i);
    }
    EXPECT_THROW((void)ex.map([](int x) { return x; }, items, std::nullopt, 0), weft::value_error);
}

TEST(ThreadPoolExecutor, MapVoidAndExceptionsAndTimeout) {
    weft::thread_pool_executor ex(2);
    std::atomic<int> calls{0};
    auto none = ex.map([&](int) { ++calls; }, std::vector<int>{1, 2}).to_vector();
    EXPECT_EQ(none.size(), 2u);
    EXPECT_EQ(calls.load(), 2);

    auto failing = ex.map(
        [](int x) {
            if (x == 3) throw std::invalid_argument("three");
            return x;
        },
        std::vector<int>{1, 2, 3, 4});
    std::vector<int> got;
    EXPECT_THROW(
        {
            for (int v : failing) got.push_back(v);
        },
        std::invalid_argument);
    EXPECT_EQ(got, (std::vector<int>{1, 2}));

    auto slow = ex.map(
        [](int) {
            std::this_thread::sleep_for(200ms);
            return 0;
        },
        std::vector<int>{1, 2, 3}, 20ms);
    EXPECT_THROW((void)slow.to_vector(), weft::timeout_error);
}

TEST(ThreadPoolExecutor, SubmitFromManyThreads) {
    weft::thread_pool_executor ex(3);
    std::vector<weft::thread> submitters;
    std::atomic<long> sum{0};
    for (int t = 0; t < 4; ++t)
        submitters.emplace_back([&] {
            std::vector<weft::future<int>> fs;
            for (int i = 0; i < 500; ++i) fs.push_back(ex.submit([i] { return i; }));
            for (auto& f : fs) sum += f.result(30s);
        });
    for (auto& s : submitters) s.start();
    for (auto& s : submitters) ASSERT_TRUE(s.join(60s));
    EXPECT_EQ(sum.load(), 4L * 499 * 500 / 2);
}
