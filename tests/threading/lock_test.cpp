#include <weft/threading/guard.hpp>
#include <weft/threading/lock.hpp>
#include <weft/threading/thread.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <vector>

using namespace std::chrono_literals;

TEST(Lock, AcquireReleaseAndLocked) {
    weft::lock l;
    EXPECT_FALSE(l.locked());
    EXPECT_TRUE(l.acquire());
    EXPECT_TRUE(l.locked());
    EXPECT_FALSE(l.acquire(false));
    l.release();
    EXPECT_FALSE(l.locked());
}

TEST(Lock, ReleaseUnlockedThrows) {
    weft::lock l;
    EXPECT_THROW(l.release(), weft::runtime_error);
    EXPECT_FALSE(l.locked());
}

TEST(Lock, TimeoutExpiresWhenHeld) {
    weft::lock l;
    ASSERT_TRUE(l.acquire());
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_FALSE(l.acquire(true, 50ms));
    const auto waited = std::chrono::steady_clock::now() - t0;
    EXPECT_GE(waited, 45ms);
    EXPECT_LT(waited, 2s);
    EXPECT_FALSE(l.acquire(true, 0s));  // zero timeout: a try
    l.release();
}

TEST(Lock, NegativeTimeoutIsAValueError) {
    weft::lock l;
    ASSERT_TRUE(l.acquire());
    EXPECT_THROW(l.acquire(true, weft::seconds{-1}), weft::value_error);
    l.release();
}

TEST(Lock, ReleasedByAnotherThread) {
    // The notes' idle_release: Python locks have no owner.
    weft::lock done;
    ASSERT_TRUE(done.acquire());
    weft::thread t([&] {
        std::this_thread::sleep_for(20ms);
        done.release();
    });
    t.start();
    EXPECT_TRUE(done.acquire(true, 5s));
    done.release();
    EXPECT_TRUE(t.join(5s));
}

TEST(Lock, TryLockForAndUntil) {
    weft::lock l;
    EXPECT_TRUE(l.try_lock_for(10ms));
    EXPECT_FALSE(l.try_lock_for(10ms));
    EXPECT_FALSE(l.try_lock_until(std::chrono::steady_clock::now() + 10ms));
    EXPECT_FALSE(l.try_lock());
    l.release();
    EXPECT_TRUE(l.try_lock());
    l.release();
}

TEST(Lock, GuardIsWithLock) {
    weft::lock l;
    {
        weft::guard g(l);
        EXPECT_TRUE(l.locked());
    }
    EXPECT_FALSE(l.locked());
}

TEST(Lock, MutualExclusionUnderContention) {
    // The notes' 1000-thread counter with a sleep inside the critical section,
    // scaled to stay fast: no update is lost.
    weft::lock l;
    long counter = 0;
    std::vector<weft::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            for (int k = 0; k < 20000; ++k) {
                weft::guard g(l);
                const long old = counter;
                counter = old + 1;
            }
        });
    for (auto& t : threads) t.start();
    for (auto& t : threads) ASSERT_TRUE(t.join(30s));
    EXPECT_EQ(counter, 8 * 20000);
}

TEST(Lock, WaiterWakesWhenReleased) {
    weft::lock l;
    ASSERT_TRUE(l.acquire());
    std::atomic<bool> got{false};
    weft::thread t([&] {
        got = l.acquire(true, 10s);
        l.release();
    });
    t.start();
    std::this_thread::sleep_for(30ms);  // let it park on the futex
    EXPECT_FALSE(got);
    l.release();
    ASSERT_TRUE(t.join(10s));
    EXPECT_TRUE(got);
}
