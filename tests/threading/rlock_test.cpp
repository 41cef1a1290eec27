#include <weft/threading/event.hpp>
#include <weft/threading/guard.hpp>
#include <weft/threading/rlock.hpp>
#include <weft/threading/thread.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>

using namespace std::chrono_literals;

TEST(RLock, Recursive) {
    weft::rlock r;
    EXPECT_TRUE(r.acquire());
    EXPECT_TRUE(r.acquire());
    EXPECT_TRUE(r.is_owned());
    r.release();
    EXPECT_TRUE(r.locked());
    r.release();
    EXPECT_FALSE(r.locked());
    EXPECT_FALSE(r.is_owned());
}

TEST(RLock, ReleaseByNonOwnerThrows) {
    weft::rlock r;
    EXPECT_THROW(r.release(), weft::runtime_error);
    ASSERT_TRUE(r.acquire());
    bool threw = false;
    weft::thread t([&] {
        try {
            r.release();
        } catch (const weft::runtime_error&) {
            threw = true;
        }
    });
    t.start();
    ASSERT_TRUE(t.join(5s));
    EXPECT_TRUE(threw);
    EXPECT_TRUE(r.is_owned());
    r.release();
}

TEST(RLock, OtherThreadBlocksUntilFullyReleased) {
    weft::rlock r;
    ASSERT_TRUE(r.acquire());
    ASSERT_TRUE(r.acquire());
    weft::event first_tried;
    std::atomic<bool> first{true}, second{false};
    weft::thread t([&] {
        first = r.acquire(true, 30ms);  // both levels held: must time out
        first_tried.set();
        second = r.acquire(true, 10s);
        if (second) r.release();
    });
    t.start();
    ASSERT_TRUE(first_tried.wait(10s));
    r.release();  // one level still held
    std::this_thread::sleep_for(20ms);
    EXPECT_FALSE(second.load());
    r.release();
    ASSERT_TRUE(t.join(10s));
    EXPECT_FALSE(first.load());
    EXPECT_TRUE(second.load());
}

TEST(RLock, StdGuardsWork) {
    weft::rlock r;
    {
        std::lock_guard g(r);
        std::unique_lock u(r);
        EXPECT_TRUE(r.is_owned());
    }
    EXPECT_FALSE(r.locked());
    { weft::guard g(r); }
    EXPECT_FALSE(r.locked());
}

TEST(RLock, NonBlockingFromOtherThread) {
    weft::rlock r;
    ASSERT_TRUE(r.acquire());
    bool got = true;
    weft::thread t([&] { got = r.acquire(false); });
    t.start();
    ASSERT_TRUE(t.join(5s));
    EXPECT_FALSE(got);
    r.release();
}
