#include <weft/threading/barrier.hpp>
#include <weft/threading/thread.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <vector>

using namespace std::chrono_literals;

TEST(Barrier, ZeroPartiesIsAValueError) { EXPECT_THROW(weft::barrier(0), weft::value_error); }

TEST(Barrier, AllPartiesPassWithDistinctIndicesAndActionRunsOnce) {
    std::atomic<int> actions{0};
    weft::barrier b(4, [&] { ++actions; });
    std::vector<std::size_t> idx(4);
    std::vector<weft::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&, i] {
            for (int round = 0; round < 50; ++round) idx[i] = b.wait(10s);
        });
    for (auto& t : threads) t.start();
    for (auto& t : threads) ASSERT_TRUE(t.join(20s));
    EXPECT_EQ(actions.load(), 50);
    EXPECT_EQ(std::set<std::size_t>(idx.begin(), idx.end()).size(), 4u);
    EXPECT_FALSE(b.broken());
    EXPECT_EQ(b.n_waiting(), 0u);
}

TEST(Barrier, TimeoutBreaksItForEveryone) {
    weft::barrier b(3);
    std::atomic<int> broken{0};
    weft::thread other([&] {
        try {
            b.wait(10s);
        } catch (const weft::broken_barrier_error&) {
            ++broken;
        }
    });
    other.start();
    EXPECT_THROW(b.wait(50ms), weft::broken_barrier_error);
    ASSERT_TRUE(other.join(10s));
    EXPECT_EQ(broken.load(), 1);
    EXPECT_TRUE(b.broken());
    EXPECT_THROW(b.wait(1s), weft::broken_barrier_error);
    b.reset();
    EXPECT_FALSE(b.broken());
}

TEST(Barrier, AbortReleasesWaiters) {
    weft::barrier b(2);
    bool threw = false;
    weft::thread t([&] {
        try {
            b.wait();
        } catch (const weft::broken_barrier_error&) {
            threw = true;
        }
    });
    t.start();
    while (b.n_waiting() == 0) std::this_thread::sleep_for(1ms);
    b.abort();
    ASSERT_TRUE(t.join(10s));
    EXPECT_TRUE(threw);
}

TEST(Barrier, ThrowingActionBreaksAndPropagates) {
    weft::barrier b(2, [] { throw std::runtime_error("action failed"); });
    bool other_broken = false;
    weft::thread t([&] {
        try {
            b.wait(10s);
        } catch (const weft::broken_barrier_error&) {
            other_broken = true;
        } catch (const std::runtime_error&) {
            other_broken = false;  // the last arrival may be this thread
        }
    });
    t.start();
    bool mine = false;
    try {
        b.wait(10s);
    } catch (const std::runtime_error& e) {
        mine = true;
    }
    ASSERT_TRUE(t.join(10s));
    EXPECT_TRUE(mine || other_broken);
    EXPECT_TRUE(b.broken());
}

TEST(Barrier, ResetWhileWaitingBreaksTheWaiters) {
    weft::barrier b(2);
    bool threw = false;
    weft::thread t([&] {
        try {
            b.wait(10s);
        } catch (const weft::broken_barrier_error&) {
            threw = true;
        }
    });
    t.start();
    while (b.n_waiting() == 0) std::this_thread::sleep_for(1ms);
    b.reset();
    ASSERT_TRUE(t.join(10s));
    EXPECT_TRUE(threw);
    EXPECT_FALSE(b.broken());
    // Usable again after the reset.
    weft::thread u([&] { b.wait(10s); });
    u.start();
    EXPECT_NO_THROW(b.wait(10s));
    ASSERT_TRUE(u.join(10s));
}
