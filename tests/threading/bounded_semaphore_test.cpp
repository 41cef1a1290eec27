#include <weft/threading/bounded_semaphore.hpp>
#include <weft/threading/thread.hpp>

#include <gtest/gtest.h>

#include <chrono>

using namespace std::chrono_literals;

TEST(BoundedSemaphore, ReleasingTooOftenThrows) {
    weft::bounded_semaphore s(2);
    EXPECT_THROW(s.release(), weft::value_error);
    ASSERT_TRUE(s.acquire());
    s.release();
    EXPECT_THROW(s.release(), weft::value_error);
    EXPECT_EQ(s.value(), 2u);
    ASSERT_TRUE(s.acquire());
    EXPECT_THROW(s.release(2), weft::value_error);
    EXPECT_EQ(s.value(), 1u);  // unchanged by the failed release
    s.release();
    EXPECT_EQ(s.initial_value(), 2u);
}

TEST(BoundedSemaphore, BlocksAndWakesLikeASemaphore) {
    weft::bounded_semaphore s(1);
    ASSERT_TRUE(s.acquire());
    bool got = false;
    weft::thread t([&] { got = s.acquire(true, 10s); });
    t.start();
    std::this_thread::sleep_for(20ms);
    s.release();
    ASSERT_TRUE(t.join(10s));
    EXPECT_TRUE(got);
    EXPECT_EQ(s.value(), 0u);
}

TEST(BoundedSemaphore, ReleaseThroughBaseReferenceStillChecks) {
    weft::bounded_semaphore b(1);
    weft::semaphore& s = b;
    EXPECT_THROW(s.release(), weft::value_error);
}
