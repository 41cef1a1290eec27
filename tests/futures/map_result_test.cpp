#include <weft/futures.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <vector>

using namespace std::chrono_literals;

TEST(MapResult, LazyInOrderIteration) {
    weft::thread_pool_executor ex(2);
    std::vector<int> items{5, 1, 4};
    auto results = ex.map(
        [](int ms) {
            std::this_thread::sleep_for(std::chrono::milliseconds(ms));
            return ms;
        },
        items);
    std::vector<int> got;
    for (int v : results) got.push_back(v);
    EXPECT_EQ(got, items);  // input order, not completion order
}

TEST(MapResult, DestroyingItCancelsWhatHasNotStarted) {
    weft::thread_pool_executor ex(1);
    weft::event release;
    auto blocker = ex.submit([&] { release.wait(10s); });
    while (!blocker.running()) std::this_thread::sleep_for(1ms);  // the one worker is busy
    std::atomic<int> ran{0};
    {
        auto results = ex.map([&](int) { return ++ran; }, std::vector<int>(50, 0));
    }
    release.set();
    blocker.result(10s);
    ex.shutdown();
    EXPECT_EQ(ran.load(), 0);
}
