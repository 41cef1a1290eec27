#include <weft/threading/local.hpp>
#include <weft/threading/thread.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <vector>

using namespace std::chrono_literals;

namespace {
struct counted {
    static inline std::atomic<int> alive{0};
    int x = 0;
    counted() { ++alive; }
    ~counted() { --alive; }
};
}  // namespace

TEST(Local, EachThreadHasItsOwnValue) {
    weft::local<int> my_data;
    *my_data = 42;
    std::vector<int> seen(4, -1);
    std::vector<weft::thread> threads;
    for (int i = 0; i < 4; ++i)
        threads.emplace_back([&, i] {
            seen[i] = *my_data;  // fresh: 0
            *my_data = i;
        });
    for (auto& t : threads) t.start();
    for (auto& t : threads) ASSERT_TRUE(t.join(5s));
    EXPECT_EQ(seen, std::vector<int>(4, 0));
    EXPECT_EQ(*my_data, 42);
}

TEST(Local, FactoryAndArrow) {
    weft::local<std::vector<int>> v([] { return std::make_unique<std::vector<int>>(3, 7); });
    EXPECT_EQ(v->size(), 3u);
    EXPECT_EQ(v.get()[0], 7);
}

TEST(Local, ValuesDieWithTheirThread) {
    weft::local<counted> l;
    const int before = counted::alive.load();
    weft::thread t([&] { l->x = 1; });
    t.start();
    ASSERT_TRUE(t.join(5s));
    // The thread's value is destroyed by its thread_local cleanup, which runs
    // just after join() returns; give it a moment.
    for (int i = 0; i < 500 && counted::alive.load() != before; ++i)
        std::this_thread::sleep_for(1ms);
    EXPECT_EQ(counted::alive.load(), before);
}

TEST(Local, ValuesDieWithTheLocal) {
    const int before = counted::alive.load();
    {
        weft::local<counted> l;
        l->x = 5;
        EXPECT_EQ(counted::alive.load(), before + 1);
    }
    EXPECT_EQ(counted::alive.load(), before);
}

TEST(Local, FactoryExceptionPropagatesAndRetries) {
    int calls = 0;
    weft::local<int> l([&]() -> std::unique_ptr<int> {
        if (++calls == 1) throw std::runtime_error("first fails");
        return std::make_unique<int>(9);
    });
    EXPECT_THROW(l.get(), std::runtime_error);
    EXPECT_EQ(l.get(), 9);
}
