#include <weft/futures.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>
#include <vector>

using namespace std::chrono_literals;

TEST(Wait, AllCompleted) {
    weft::thread_pool_executor ex(2);
    std::vector<weft::future<int>> fs;
    for (int i = 0; i < 5; ++i) fs.push_back(ex.submit([i] { return i; }));
    auto [done, not_done] = weft::wait(fs, 10s);
    EXPECT_EQ(done.size(), 5u);
    EXPECT_TRUE(not_done.empty());
}

TEST(Wait, FirstCompletedAndTimeout) {
    auto fast = weft::future<int>::create();
    auto slow = weft::future<int>::create();
    std::vector<weft::future<int>> fs{slow, fast};
    auto r = weft::wait(fs, 20ms, weft::return_when::first_completed);
    EXPECT_TRUE(r.done.empty());  // timed out: nothing done, no exception
    EXPECT_EQ(r.not_done.size(), 2u);
    fast.set_result(1);
    r = weft::wait(fs, 10s, weft::return_when::first_completed);
    ASSERT_EQ(r.done.size(), 1u);
    EXPECT_TRUE(r.done[0].same_as(fast));
    slow.set_result(2);
}

TEST(Wait, FirstException) {
    auto ok = weft::future<int>::create();
    auto bad = weft::future<int>::create();
    auto pending = weft::future<int>::create();
    std::vector<weft::future<int>> fs{ok, bad, pending};
    ok.set_result(1);
    bad.set_exception(std::make_exception_ptr(std::runtime_error("x")));
    auto r = weft::wait(fs, 10s, weft::return_when::first_exception);
    EXPECT_EQ(r.done.size(), 2u);
    EXPECT_EQ(r.not_done.size(), 1u);
    EXPECT_NE(bad.exception(), nullptr);
    pending.set_result(3);
}

TEST(Wait, EmptySetReturnsAtOnce) {
    std::vector<weft::future<int>> none;
    auto r = weft::wait(none);
    EXPECT_TRUE(r.done.empty());
}
