// Bounded-time stress of the pool: concurrent submitters, nested fork-join,
// cancellations and shutdown racing with submits. Run under TSan in CI.

#include <weft/futures.hpp>
#include <weft/threading.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <vector>

#include "../stress_budget.hpp"

using namespace std::chrono_literals;

TEST(FuturesStress, SubmittersCancellersAndNestedJoins) {
    weft::thread_pool_executor ex(3);
    const auto end = std::chrono::steady_clock::now() + weft::testing::stress_budget();
    std::atomic<long> ok{0}, cancelled{0};
    std::vector<weft::thread> threads;
    for (int t = 0; t < 3; ++t)
        threads.emplace_back([&, t] {
            while (std::chrono::steady_clock::now() < end) {
                std::vector<weft::future<int>> fs;
                for (int i = 0; i < 64; ++i)
                    fs.push_back(ex.submit([&ex, i] {
                        if (i % 8 == 0) return ex.submit([i] { return i; }).result();
                        return i;
                    }));
                for (std::size_t i = t; i < fs.size(); i += 5) (void)fs[i].cancel();
                for (auto& f : fs) {
                    if (f.wait(30s) && f.cancelled())
                        ++cancelled;
                    else if (f.result() >= 0)
                        ++ok;
                }
            }
        });
    for (auto& th : threads) th.start();
    for (auto& th : threads) ASSERT_TRUE(th.join(120s));
    EXPECT_GT(ok.load(), 0);
}

TEST(FuturesStress, ShutdownRacesWithSubmit) {
    const auto end = std::chrono::steady_clock::now() + weft::testing::stress_budget();
    while (std::chrono::steady_clock::now() < end) {
        weft::thread_pool_executor ex(2);
        std::atomic<long> accepted{0}, ran{0};
        weft::thread submitter([&] {
            for (int i = 0; i < 200; ++i) {
                try {
                    (void)ex.submit([&] { ++ran; });
                    ++accepted;
                } catch (const weft::runtime_error&) {
                    return;
                }
            }
        });
        submitter.start();
        std::this_thread::sleep_for(100us);
        ex.shutdown(true);
        ASSERT_TRUE(submitter.join(30s));
        EXPECT_EQ(accepted.load(), ran.load());  // every accepted job ran
    }
}

TEST(FuturesStress, CallbacksRaceWithCompletionRunExactlyOnce) {
    const auto end = std::chrono::steady_clock::now() + weft::testing::stress_budget();
    long rounds = 0;
    while (std::chrono::steady_clock::now() < end) {
        constexpr int n = 256;
        std::vector<weft::future<int>> fs;
        for (int i = 0; i < n; ++i) fs.push_back(weft::future<int>::create());
        std::vector<std::atomic<int>> calls(n);
        weft::thread completer([&] {
            for (int i = 0; i < n; ++i) {
                if (i % 7 == 0)
                    (void)fs[i].cancel();
                else
                    fs[i].set_result(i);
            }
        });
        completer.start();
        for (int i = 0; i < n; ++i)
            fs[i].add_done_callback([&calls, i](const weft::future<int>&) { ++calls[i]; });
        ASSERT_TRUE(completer.join(30s));
        for (int i = 0; i < n; ++i) ASSERT_EQ(calls[i].load(), 1) << "future " << i;
        ++rounds;
    }
    EXPECT_GT(rounds, 0);
}
