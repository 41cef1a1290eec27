#include <weft/queue/queue.hpp>
#include <weft/threading/thread.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

using namespace std::chrono_literals;

TEST(Queue, FifoOrderAndSizes) {
    weft::queue<int> q;
    EXPECT_TRUE(q.empty());
    EXPECT_FALSE(q.full());                  // unbounded is never full
    for (int i = 0; i < 100; ++i) q.put(i);  // grows past its first buffer
    EXPECT_EQ(q.qsize(), 100u);
    for (int i = 0; i < 100; ++i) EXPECT_EQ(q.get(), i);
    EXPECT_TRUE(q.empty());
}

TEST(Queue, BoundedFullAndNowait) {
    weft::queue<int> q(2);
    EXPECT_EQ(q.maxsize(), 2u);
    q.put_nowait(1);
    q.put(2);
    EXPECT_TRUE(q.full());
    EXPECT_THROW(q.put_nowait(3), weft::full);
    EXPECT_THROW(q.put(3, false), weft::full);
    EXPECT_EQ(q.get_nowait(), 1);
    EXPECT_EQ(q.get_nowait(), 2);
    EXPECT_THROW((void)q.get_nowait(), weft::empty);
    EXPECT_THROW((void)q.get(false), weft::empty);
}

TEST(Queue, TimeoutsRaiseFullAndEmpty) {
    weft::queue<int> q(1);
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_THROW((void)q.get(true, 30ms), weft::empty);
    EXPECT_GE(std::chrono::steady_clock::now() - t0, 25ms);
    q.put(1);
    const auto t1 = std::chrono::steady_clock::now();
    EXPECT_THROW(q.put(2, true, 30ms), weft::full);
    EXPECT_GE(std::chrono::steady_clock::now() - t1, 25ms);
    EXPECT_THROW(q.put(2, true, weft::seconds{-1}), weft::value_error);
    EXPECT_EQ(q.try_get(), std::optional<int>(1));
    EXPECT_EQ(q.try_get(10ms), std::nullopt);
}

TEST(Queue, MoveOnlyItemsAndNothingLostOnFailure) {
    weft::queue<std::unique_ptr<int>> q(1);
    q.put(std::make_unique<int>(1));
    auto keep = std::make_unique<int>(2);
    EXPECT_THROW(q.put_nowait(std::move(keep)), weft::full);
    ASSERT_NE(keep, nullptr);  // the failed put left it with us
    EXPECT_EQ(*q.get(), 1);
    q.put(std::move(keep));
    EXPECT_EQ(*q.get(), 2);
}

TEST(Queue, BlockedPutWakesOnGet) {
    weft::queue<int> q(1);
    q.put(1);
    std::atomic<bool> put_done{false};
    weft::thread t([&] {
        q.put(2, true, 10s);
        put_done = true;
    });
    t.start();
    std::this_thread::sleep_for(20ms);
    EXPECT_FALSE(put_done.load());
    EXPECT_EQ(q.get(), 1);
    ASSERT_TRUE(t.join(10s));
    EXPECT_TRUE(put_done.load());
    EXPECT_EQ(q.get(), 2);
}

TEST(Queue, BlockedGetWakesOnPut) {
    weft::queue<std::string> q;
    std::string got;
    weft::thread t([&] { got = q.get(true, 10s); });
    t.start();
    std::this_thread::sleep_for(20ms);
    q.put("hello");
    ASSERT_TRUE(t.join(10s));
    EXPECT_EQ(got, "hello");
}

TEST(Queue, TaskDoneAndJoin) {
    // The notes' worker/master: join() returns when every item is processed.
    weft::queue<int> q;
    std::atomic<int> processed{0};
    weft::thread worker({.daemon = true}, [&] {
        for (;;) {
            int item;
            try {
                item = q.get();
            } catch (const weft::shut_down&) {
                return;
            }
            std::this_thread::sleep_for(1ms);
            processed += item;
            q.task_done();
        }
    });
    worker.start();
    for (int i = 1; i <= 20; ++i) q.put(i);
    EXPECT_TRUE(q.join(20s));
    EXPECT_EQ(processed.load(), 210);
    q.shutdown();
    ASSERT_TRUE(worker.join(10s));
}

TEST(Queue, JoinTimesOutWhileTasksOpen) {
    weft::queue<int> q;
    q.put(1);
    EXPECT_FALSE(q.join(20ms));
    (void)q.get();
    EXPECT_FALSE(q.join(0s));
    q.task_done();
    EXPECT_TRUE(q.join(0s));
}

TEST(Queue, TaskDoneTooOftenThrows) {
    weft::queue<int> q;
    EXPECT_THROW(q.task_done(), weft::value_error);
    q.put(1);
    (void)q.get();
    q.task_done();
    EXPECT_THROW(q.task_done(), weft::value_error);
}

TEST(Queue, ShutdownDrainsThenRaises) {
    weft::queue<int> q;
    q.put(1);
    q.put(2);
    q.shutdown();
    EXPECT_TRUE(q.is_shut_down());
    EXPECT_THROW(q.put(3), weft::shut_down);
    EXPECT_EQ(q.get(), 1);  // items put before shutdown still come out
    EXPECT_EQ(q.get(), 2);
    EXPECT_THROW((void)q.get(), weft::shut_down);
    EXPECT_THROW((void)q.get_nowait(), weft::shut_down);
}

TEST(Queue, ShutdownImmediateDropsItemsAndReleasesJoin) {
    weft::queue<int> q;
    q.put(1);
    q.put(2);
    q.shutdown(true);
    EXPECT_EQ(q.qsize(), 0u);
    EXPECT_THROW((void)q.get(), weft::shut_down);
    EXPECT_TRUE(q.join(1s));  // the dropped items count as done
}

TEST(Queue, ShutdownWakesEveryBlockedCaller) {
    weft::queue<int> empty_q;
    weft::queue<int> full_q(1);
    full_q.put(0);
    std::atomic<int> raised{0};
    std::vector<weft::thread> threads;
    for (int i = 0; i < 3; ++i) {
        threads.emplace_back([&] {
            try {
                (void)empty_q.get(true, 10s);
            } catch (const weft::shut_down&) {
                ++raised;
            }
        });
        threads.emplace_back([&] {
            try {
                full_q.put(1, true, 10s);
            } catch (const weft::shut_down&) {
                ++raised;
            }
        });
    }
    for (auto& t : threads) t.start();
    std::this_thread::sleep_for(30ms);
    empty_q.shutdown();
    full_q.shutdown(true);
    for (auto& t : threads) ASSERT_TRUE(t.join(10s));
    EXPECT_EQ(raised.load(), 6);
}

TEST(Queue, ResultQueueSumsAnArray) {
    // The notes' sum_using_threads: each thread sums a stride of the array.
    std::vector<long> arr(100000, 1);
    weft::queue<long> results;
    const int n = 4;
    std::vector<weft::thread> threads;
    for (int part = 0; part < n; ++part)
        threads.emplace_back(
            [&](int id) {
                long s = 0;
                for (std::size_t i = id; i < arr.size(); i += n) s += arr[i];
                results.put(s);
            },
            part);
    for (auto& t : threads) t.start();
    long total = 0;
    for (auto& t : threads) {
        total += results.get(true, 10s);
        ASSERT_TRUE(t.join(10s));
    }
    EXPECT_EQ(total, 100000);
}
