#include <weft/chrono.hpp>
#include <weft/threading/detail/deadline.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <limits>

using namespace std::chrono_literals;
using weft::detail::deadline;

TEST(Chrono, AnyDurationConverts) {
    std::optional<weft::seconds> t = 250ms;
    EXPECT_DOUBLE_EQ(t->count(), 0.25);
}

TEST(Deadline, NoTimeoutIsForever) {
    EXPECT_TRUE(deadline::after(std::nullopt).infinite());
    EXPECT_FALSE(deadline::after(std::nullopt).expired());
}

TEST(Deadline, RejectsNegativeAndNaN) {
    EXPECT_THROW(deadline::after(weft::seconds{-1}), weft::value_error);
    EXPECT_THROW(deadline::after(weft::seconds{std::numeric_limits<double>::quiet_NaN()}),
                 weft::value_error);
}

TEST(Deadline, ZeroIsImmediateAndHugeIsForever) {
    EXPECT_TRUE(deadline::after(0s).immediate());
    EXPECT_TRUE(deadline::after(weft::seconds{1e30}).infinite());
    const auto d = deadline::after(10ms);
    EXPECT_FALSE(d.infinite());
    EXPECT_FALSE(d.immediate());
}
