#include <weft/threading/condition.hpp>
#include <weft/threading/guard.hpp>
#include <weft/threading/thread.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <mutex>
#include <vector>

using namespace std::chrono_literals;

TEST(Condition, WaitWithoutLockThrows) {
    weft::condition c;
    EXPECT_THROW(c.wait(0s), weft::runtime_error);
    EXPECT_THROW(c.notify(), weft::runtime_error);
    weft::lock l;
    weft::condition cl(l);
    EXPECT_THROW(cl.notify_all(), weft::runtime_error);
}

TEST(Condition, WaitTimesOutAndReacquires) {
    weft::condition c;
    weft::guard g(c);
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_FALSE(c.wait(30ms));
    EXPECT_GE(std::chrono::steady_clock::now() - t0, 25ms);
    c.notify();  // still owned after the timed-out wait: no throw
}

TEST(Condition, NotifyWakesAWaiterWithPlainLock) {
    weft::lock l;
    weft::condition c(l);
    bool ready = false;
    bool woke = false;
    weft::thread t([&] {
        weft::guard g(c);
        woke = c.wait_for([&] { return ready; }, 10s);
    });
    t.start();
    std::this_thread::sleep_for(20ms);
    {
        weft::guard g(c);
        ready = true;
        c.notify();
    }
    ASSERT_TRUE(t.join(10s));
    EXPECT_TRUE(woke);
}

TEST(Condition, RLockLevelsAreSavedAndRestored) {
    weft::rlock r;
    weft::condition c(r);
    ASSERT_TRUE(r.acquire());
    ASSERT_TRUE(r.acquire());
    bool other_got_lock = false;
    weft::thread t([&] {
        weft::guard g(c);  // possible only because wait() dropped both levels
        other_got_lock = true;
        c.notify();
    });
    t.start();
    EXPECT_TRUE(c.wait(10s));
    EXPECT_TRUE(r.is_owned());
    r.release();
    EXPECT_TRUE(r.is_owned());  // the second level is back
    r.release();
    EXPECT_FALSE(r.locked());
    ASSERT_TRUE(t.join(5s));
    EXPECT_TRUE(other_got_lock);
}

TEST(Condition, NotifyNWakesExactlyN) {
    weft::condition c;
    std::atomic<int> woke{0};
    std::vector<weft::thread> threads;
    std::atomic<int> waiting{0};
    for (int i = 0; i < 5; ++i)
        threads.emplace_back([&] {
            weft::guard g(c);
            ++waiting;
            if (c.wait(2s)) ++woke;
        });
    for (auto& t : threads) t.start();
    while (waiting.load() < 5) std::this_thread::sleep_for(1ms);
    {
        weft::guard g(c);  // all five are inside wait() once we get the lock
        c.notify(2);
    }
    for (auto& t : threads) ASSERT_TRUE(t.join(10s));
    EXPECT_EQ(woke.load(), 2);
}

TEST(Condition, NotifyAllWakesEveryone) {
    weft::condition c;
    std::atomic<int> woke{0}, waiting{0};
    std::vector<weft::thread> threads;
    for (int i = 0; i < 5; ++i)
        threads.emplace_back([&] {
            weft::guard g(c);
            ++waiting;
            if (c.wait(10s)) ++woke;
        });
    for (auto& t : threads) t.start();
    while (waiting.load() < 5) std::this_thread::sleep_for(1ms);
    {
        weft::guard g(c);
        c.notify_all();
    }
    for (auto& t : threads) ASSERT_TRUE(t.join(10s));
    EXPECT_EQ(woke.load(), 5);
}

TEST(Condition, ProducerConsumer) {
    weft::condition c;
    std::deque<int> items;
    long sum = 0;
    weft::thread consumer([&] {
        for (int n = 0; n < 1000; ++n) {
            weft::guard g(c);
            ASSERT_TRUE(c.wait_for([&] { return !items.empty(); }, 10s));
            sum += items.front();
            items.pop_front();
        }
    });
    consumer.start();
    for (int i = 1; i <= 1000; ++i) {
        weft::guard g(c);
        items.push_back(i);
        c.notify();
    }
    ASSERT_TRUE(consumer.join(20s));
    EXPECT_EQ(sum, 1000L * 1001 / 2);
}

TEST(Condition, WaitForTimesOutWithFalsePredicate) {
    weft::condition c;
    weft::guard g(c);
    EXPECT_FALSE(c.wait_for([] { return false; }, 20ms));
    EXPECT_TRUE(c.wait_for([] { return true; }, 0s));
}
