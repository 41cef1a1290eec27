#include <weft/threading/guard.hpp>
#include <weft/threading/semaphore.hpp>
#include <weft/threading/thread.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <vector>

using namespace std::chrono_literals;

TEST(Semaphore, CountsDownAndUp) {
    weft::semaphore s(2);
    EXPECT_TRUE(s.acquire());
    EXPECT_TRUE(s.acquire());
    EXPECT_FALSE(s.acquire(false));
    EXPECT_EQ(s.value(), 0u);
    s.release(2);
    EXPECT_EQ(s.value(), 2u);
}

TEST(Semaphore, BadArguments) {
    EXPECT_THROW(weft::semaphore(-1), weft::value_error);
    weft::semaphore s(0);
    EXPECT_THROW(s.release(0), weft::value_error);
    EXPECT_THROW(s.acquire(true, weft::seconds{-0.5}), weft::value_error);
}

TEST(Semaphore, TimeoutWhenZero) {
    weft::semaphore s(0);
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_FALSE(s.acquire(true, 40ms));
    EXPECT_GE(std::chrono::steady_clock::now() - t0, 35ms);
}

TEST(Semaphore, LimitsConcurrency) {
    weft::semaphore s(3);
    std::atomic<int> inside{0}, most{0};
    std::vector<weft::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            for (int k = 0; k < 200; ++k) {
                weft::guard g(s);
                const int now = ++inside;
                int seen = most.load();
                while (now > seen && !most.compare_exchange_weak(seen, now)) {
                }
                std::this_thread::yield();
                --inside;
            }
        });
    for (auto& t : threads) t.start();
    for (auto& t : threads) ASSERT_TRUE(t.join(30s));
    EXPECT_LE(most.load(), 3);
    EXPECT_GE(most.load(), 1);
    EXPECT_EQ(s.value(), 3u);
}

TEST(Semaphore, ReleaseNWakesNWaiters) {
    weft::semaphore s(0);
    std::atomic<int> got{0};
    std::vector<weft::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&] {
            if (s.acquire(true, 10s)) ++got;
        });
    for (auto& t : threads) t.start();
    std::this_thread::sleep_for(30ms);
    s.release(4);
    for (auto& t : threads) ASSERT_TRUE(t.join(10s));
    EXPECT_EQ(got.load(), 4);
}
