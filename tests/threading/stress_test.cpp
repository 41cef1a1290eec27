// Bounded-time stress: many threads hammer each primitive; every count must
// come out exact. Run under TSan in CI.

#include <weft/threading.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <vector>

#include "../stress_budget.hpp"

using namespace std::chrono_literals;

namespace {
const auto budget = weft::testing::stress_budget();  // per test

template <class Body>
void run_threads(int n, Body body) {
    std::vector<weft::thread> threads;
    for (int i = 0; i < n; ++i) threads.emplace_back(body, i);
    for (auto& t : threads) t.start();
    for (auto& t : threads) ASSERT_TRUE(t.join(60s));
}
}  // namespace

TEST(ThreadingStress, LockCounterNeverLosesUpdates) {
    weft::lock l;
    long counter = 0;
    std::atomic<long> done{0};
    const auto end = std::chrono::steady_clock::now() + budget;
    run_threads(6, [&](int) {
        long mine = 0;
        while (std::chrono::steady_clock::now() < end) {
            for (int k = 0; k < 100; ++k) {
                weft::guard g(l);
                ++counter;
            }
            mine += 100;
        }
        done += mine;
    });
    EXPECT_EQ(counter, done.load());
}

TEST(ThreadingStress, RLockAndConditionPingPong) {
    weft::condition c;  // own rlock
    int turn = 0;
    long passes = 0;
    const auto end = std::chrono::steady_clock::now() + budget;
    std::atomic<bool> stop{false};
    run_threads(3, [&](int me) {
        for (;;) {
            weft::guard g(c);
            if (!c.wait_for([&] { return turn == me || stop.load(); }, 30s)) {
                ADD_FAILURE() << "ping-pong stalled";
                stop = true;
            }
            if (stop) {
                c.notify_all();
                return;
            }
            weft::guard again(c);  // recursive level on top
            ++passes;
            turn = (turn + 1) % 3;
            if (std::chrono::steady_clock::now() > end) stop = true;
            c.notify_all();
        }
    });
    EXPECT_GT(passes, 3);
}

TEST(ThreadingStress, SemaphoreNeverOverAdmits) {
    weft::bounded_semaphore s(2);
    std::atomic<int> inside{0};
    std::atomic<bool> violated{false};
    const auto end = std::chrono::steady_clock::now() + budget;
    run_threads(6, [&](int) {
        while (std::chrono::steady_clock::now() < end) {
            if (!s.acquire(true, 10s)) {
                violated = true;
                return;
            }
            if (++inside > 2) violated = true;
            --inside;
            s.release();
        }
    });
    EXPECT_FALSE(violated.load());
    EXPECT_EQ(s.value(), 2u);
}

TEST(ThreadingStress, BarrierRounds) {
    weft::barrier b(4);
    std::atomic<long> arrivals{0};
    std::atomic<bool> stop{false};
    const auto end = std::chrono::steady_clock::now() + budget;
    long rounds = 0;
    run_threads(4, [&](int me) {
        for (;;) {
            ++arrivals;
            if (b.wait(30s) == 0 && me >= 0) {
                // the thread with index 0 decides, for all, whether to go on
            }
            if (me == 0) {
                ++rounds;
                if (std::chrono::steady_clock::now() > end) stop = true;
            }
            b.wait(30s);  // everyone reads `stop` after the same round
            if (stop) return;
        }
    });
    EXPECT_EQ(arrivals.load(), rounds * 4);
    EXPECT_FALSE(b.broken());
}

TEST(ThreadingStress, EventSetClearRace) {
    weft::event e;
    std::atomic<bool> stop{false};
    std::atomic<long> wakes{0};
    const auto end = std::chrono::steady_clock::now() + budget;
    std::vector<weft::thread> waiters;
    for (int i = 0; i < 3; ++i)
        waiters.emplace_back([&] {
            while (!stop) {
                if (e.wait(10ms)) ++wakes;
            }
        });
    for (auto& t : waiters) t.start();
    while (std::chrono::steady_clock::now() < end) {
        e.set();
        e.clear();
    }
    stop = true;
    e.set();
    for (auto& t : waiters) ASSERT_TRUE(t.join(30s));
    EXPECT_GT(wakes.load(), 0);
}

TEST(ThreadingStress, ManyShortThreads) {
    std::atomic<int> ran{0};
    for (int round = 0; round < 10; ++round) run_threads(50, [&](int) { ++ran; });
    EXPECT_EQ(ran.load(), 500);
}
