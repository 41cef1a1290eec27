#include <weft/queue/priority_queue.hpp>
#include <weft/threading/thread.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>
#include <utility>

using namespace std::chrono_literals;

TEST(PriorityQueue, SmallestFirstLikePython) {
    weft::priority_queue<std::pair<int, std::string>> q;
    q.put({3, "low"});
    q.put({1, "urgent"});
    q.put({2, "normal"});
    EXPECT_EQ(q.get().second, "urgent");
    EXPECT_EQ(q.get().second, "normal");
    EXPECT_EQ(q.get().second, "low");
}

TEST(PriorityQueue, CustomCompare) {
    weft::priority_queue<int, std::greater<int>> q;
    for (int i : {5, 1, 9, 3}) q.put(i);
    EXPECT_EQ(q.get(), 9);
    EXPECT_EQ(q.get(), 5);
    EXPECT_EQ(q.qsize(), 2u);
}

TEST(PriorityQueue, BoundedAndShutdown) {
    weft::priority_queue<int> q(2);
    q.put(2);
    q.put(1);
    EXPECT_THROW(q.put_nowait(0), weft::full);
    q.shutdown(true);
    EXPECT_THROW((void)q.get(), weft::shut_down);
    EXPECT_TRUE(q.join(0s));
}

TEST(PriorityQueue, ConsumerWakes) {
    weft::priority_queue<int> q;
    int got = -1;
    weft::thread t([&] { got = q.get(true, 10s); });
    t.start();
    std::this_thread::sleep_for(20ms);
    q.put(7);
    ASSERT_TRUE(t.join(10s));
    EXPECT_EQ(got, 7);
}
