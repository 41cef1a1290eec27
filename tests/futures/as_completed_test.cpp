#include <weft/futures.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <vector>

using namespace std::chrono_literals;

TEST(AsCompleted, YieldsInCompletionOrder) {
    weft::thread_pool_executor ex(3);
    std::vector<weft::future<int>> fs;
    fs.push_back(ex.submit([] {
        std::this_thread::sleep_for(150ms);
        return 3;
    }));
    fs.push_back(ex.submit([] { return 1; }));
    fs.push_back(ex.submit([] {
        std::this_thread::sleep_for(60ms);
        return 2;
    }));
    std::vector<int> order;
    for (const auto& f : weft::as_completed(fs, 10s)) order.push_back(f.result());
    EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
}

TEST(AsCompleted, AlreadyDoneAndDuplicates) {
    auto a = weft::future<int>::create();
    a.set_result(1);
    std::vector<weft::future<int>> fs{a, a};
    int n = 0;
    for (const auto& f : weft::as_completed(fs)) n += f.result();
    EXPECT_EQ(n, 1);
    std::vector<weft::future<int>> none;
    for (const auto& f : weft::as_completed(none)) (void)f;
}

TEST(AsCompleted, TimeoutThrows) {
    auto done = weft::future<int>::create();
    done.set_result(1);
    auto never = weft::future<int>::create();
    std::vector<weft::future<int>> fs{done, never};
    int seen = 0;
    EXPECT_THROW(
        {
            for (const auto& f : weft::as_completed(fs, 30ms)) seen += f.result();
        },
        weft::timeout_error);
    EXPECT_EQ(seen, 1);
    never.set_result(0);
}
