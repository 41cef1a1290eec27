#include <weft/threading/event.hpp>
#include <weft/threading/timer.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>

using namespace std::chrono_literals;

TEST(Timer, FiresAfterInterval) {
    std::atomic<int> fired{0};
    const auto t0 = std::chrono::steady_clock::now();
    std::chrono::steady_clock::duration at{};
    weft::timer t(
        40ms,
        [&](int k) {
            at = std::chrono::steady_clock::now() - t0;
            fired += k;
        },
        5);
    t.start();
    ASSERT_TRUE(t.join(5s));
    EXPECT_EQ(fired.load(), 5);
    EXPECT_GE(at, 35ms);
}

TEST(Timer, CancelBeforeItFires) {
    std::atomic<bool> fired{false};
    weft::timer t(10s, [&] { fired = true; });
    t.start();
    t.cancel();
    ASSERT_TRUE(t.join(5s));
    EXPECT_FALSE(fired.load());
    EXPECT_TRUE(t.cancelled());
}

TEST(Timer, NegativeIntervalIsAValueError) {
    EXPECT_THROW(weft::timer(weft::seconds{-1}, [] {}), weft::value_error);
}

TEST(Timer, SurvivesItsObject) {
    auto fired = std::make_shared<weft::event>();
    {
        weft::timer t(10ms, [fired] { fired->set(); });
        t.start();
    }
    EXPECT_TRUE(fired->wait(5s));
}
