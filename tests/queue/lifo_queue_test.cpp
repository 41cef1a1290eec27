#include <weft/queue/lifo_queue.hpp>
#include <weft/threading/thread.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

using namespace std::chrono_literals;

TEST(LifoQueue, LastInFirstOut) {
    weft::lifo_queue<int> q;
    for (int i = 0; i < 5; ++i) q.put(i);
    for (int i = 4; i >= 0; --i) EXPECT_EQ(q.get(), i);
    EXPECT_THROW((void)q.get_nowait(), weft::empty);
}

TEST(LifoQueue, BoundedBlocksAndTimesOut) {
    weft::lifo_queue<int> q(1);
    q.put(1);
    EXPECT_THROW(q.put(2, true, 20ms), weft::full);
    weft::thread t([&] { q.put(3, true, 10s); });
    t.start();
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(q.get(), 1);
    ASSERT_TRUE(t.join(10s));
    EXPECT_EQ(q.get(), 3);
}

TEST(LifoQueue, MoveOnlyAndTasks) {
    weft::lifo_queue<std::unique_ptr<int>> q;
    q.put(std::make_unique<int>(4));
    EXPECT_EQ(*q.get(), 4);
    q.task_done();
    EXPECT_TRUE(q.join(0s));
    EXPECT_THROW(q.task_done(), weft::value_error);
    q.shutdown();
    EXPECT_THROW(q.put(std::make_unique<int>(1)), weft::shut_down);
}
