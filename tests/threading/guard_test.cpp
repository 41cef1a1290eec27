#include <weft/threading/bounded_semaphore.hpp>
#include <weft/threading/condition.hpp>
#include <weft/threading/guard.hpp>
#include <weft/threading/lock.hpp>
#include <weft/threading/rlock.hpp>
#include <weft/threading/semaphore.hpp>

#include <gtest/gtest.h>

#include <stdexcept>

TEST(Guard, ReleasesOnScopeExitForEveryPrimitive) {
    weft::lock l;
    weft::rlock r;
    weft::semaphore s(1);
    weft::bounded_semaphore b(1);
    weft::condition c;
    {
        weft::guard g1(l);
        weft::guard g2(r);
        weft::guard g3(s);
        weft::guard g4(b);
        weft::guard g5(c);
        EXPECT_TRUE(l.locked());
        EXPECT_TRUE(r.is_owned());
        EXPECT_EQ(s.value(), 0u);
        EXPECT_EQ(b.value(), 0u);
    }
    EXPECT_FALSE(l.locked());
    EXPECT_FALSE(r.locked());
    EXPECT_EQ(s.value(), 1u);
    EXPECT_EQ(b.value(), 1u);
}

TEST(Guard, ReleasesWhenTheBodyThrows) {
    weft::lock l;
    try {
        weft::guard g(l);
        throw std::runtime_error("inside `with lock:`");
    } catch (const std::runtime_error&) {
    }
    EXPECT_FALSE(l.locked());
}

TEST(GuardDeathTest, LockReleasedBehindTheGuardsBackTerminates) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_DEATH(
        {
            weft::lock l;
            weft::guard g(l);
            l.release();
        },
        "");
}
