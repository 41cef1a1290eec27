#include <weft/futures.hpp>
#include <weft/threading/event.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <vector>

using namespace std::chrono_literals;

TEST(AsCompleted, YieldsInCompletionOrder) {
    weft::thread_pool_executor ex(3);
    weft::event go[3];
    std::vector<weft::future<int>> fs;
    for (int i = 0; i < 3; ++i)
        fs.push_back(ex.submit([&go, i] {
            go[i].wait(10s);
            return i;
        }));
    auto completed = weft::as_completed(fs, 10s);
    for (int i : {1, 2, 0}) {  // finish them in this order
        go[i].set();
        ASSERT_TRUE(fs[i].wait(10s));
    }
    std::vector<int> order;
    for (const auto& f : completed) order.push_back(f.result());
    EXPECT_EQ(order, (std::vector<int>{1, 2, 0}));
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
