#include <weft/threading/event.hpp>
#include <weft/threading/thread.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <vector>

using namespace std::chrono_literals;

TEST(Event, SetClearIsSet) {
    weft::event e;
    EXPECT_FALSE(e.is_set());
    e.set();
    EXPECT_TRUE(e.is_set());
    EXPECT_TRUE(e.wait());
    EXPECT_TRUE(e.wait(0s));
    e.clear();
    EXPECT_FALSE(e.is_set());
    EXPECT_FALSE(e.wait(0s));
}

TEST(Event, WaitTimesOut) {
    weft::event e;
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_FALSE(e.wait(30ms));
    EXPECT_GE(std::chrono::steady_clock::now() - t0, 25ms);
    EXPECT_THROW((void)e.wait(weft::seconds{-1}), weft::value_error);
}

TEST(Event, SetWakesAllWaiters) {
    weft::event e;
    std::atomic<int> woke{0};
    std::vector<weft::thread> threads;
    for (int i = 0; i < 6; ++i)
        threads.emplace_back([&] {
            if (e.wait(10s)) ++woke;
        });
    for (auto& t : threads) t.start();
    std::this_thread::sleep_for(30ms);
    e.set();
    for (auto& t : threads) ASSERT_TRUE(t.join(10s));
    EXPECT_EQ(woke.load(), 6);
}

TEST(Event, PublishesWritesBeforeSet) {
    for (int round = 0; round < 200; ++round) {
        weft::event e;
        int payload = 0;
        weft::thread t([&] {
            payload = 42;
            e.set();
        });
        t.start();
        ASSERT_TRUE(e.wait(10s));
        EXPECT_EQ(payload, 42);
        ASSERT_TRUE(t.join(10s));
    }
}
