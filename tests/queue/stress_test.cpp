// Bounded-time MPMC stress for every queue kind: every item put is got
// exactly once, and task_done/join balance. Run under TSan in CI.

#include <weft/queue.hpp>
#include <weft/threading/thread.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <vector>

#include "../stress_budget.hpp"

using namespace std::chrono_literals;

namespace {

template <class Q>
void mpmc(Q& q, int producers, int consumers) {
    const auto end = std::chrono::steady_clock::now() + weft::testing::stress_budget();
    std::atomic<long long> put_sum{0}, got_sum{0};
    std::atomic<long> put_n{0}, got_n{0};
    std::vector<weft::thread> threads;
    for (int p = 0; p < producers; ++p)
        threads.emplace_back(
            [&](int id) {
                long long i = 0;
                while (std::chrono::steady_clock::now() < end) {
                    const long long v = i++ * producers + id;
                    q.put(v, true, 30s);
                    put_sum += v;
                    ++put_n;
                }
            },
            p);
    for (int c = 0; c < consumers; ++c)
        threads.emplace_back([&] {
            for (;;) {
                try {
                    got_sum += q.get(true, 30s);
                    ++got_n;
                    q.task_done();
                } catch (const weft::shut_down&) {
                    return;
                }
            }
        });
    for (auto& t : threads) t.start();
    for (int p = 0; p < producers; ++p) ASSERT_TRUE(threads[p].join(60s));
    ASSERT_TRUE(q.join(60s));
    q.shutdown();
    for (auto& t : threads) ASSERT_TRUE(t.join(60s));
    EXPECT_EQ(put_n.load(), got_n.load());
    EXPECT_EQ(put_sum.load(), got_sum.load());
    EXPECT_GT(put_n.load(), 0);
}

}  // namespace

TEST(QueueStress, BoundedFifoMpmc) {
    weft::queue<long long> q(64);
    mpmc(q, 3, 3);
}

TEST(QueueStress, UnboundedFifoGrowsUnderLoad) {
    weft::queue<long long> q;
    mpmc(q, 3, 1);
}

TEST(QueueStress, TinyBoundSpsc) {
    weft::queue<long long> q(1);
    mpmc(q, 1, 1);
}

TEST(QueueStress, LifoMpmc) {
    weft::lifo_queue<long long> q(16);
    mpmc(q, 2, 2);
}

TEST(QueueStress, PriorityMpmc) {
    weft::priority_queue<long long> q(16);
    mpmc(q, 2, 2);
}

TEST(QueueStress, ShutdownImmediateRacesWithProducers) {
    for (int round = 0; round < 50; ++round) {
        weft::queue<int> q(8);
        std::vector<weft::thread> threads;
        for (int p = 0; p < 3; ++p)
            threads.emplace_back([&] {
                try {
                    for (;;) q.put(1, true, 30s);
                } catch (const weft::shut_down&) {
                }
            });
        for (auto& t : threads) t.start();
        std::this_thread::sleep_for(1ms);
        q.shutdown(true);
        for (auto& t : threads) ASSERT_TRUE(t.join(30s));
        // No item may survive an immediate shutdown, so join() returns.
        EXPECT_TRUE(q.join(5s));
        EXPECT_EQ(q.qsize(), 0u);
    }
}
