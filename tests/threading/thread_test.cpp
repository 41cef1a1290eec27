#include <weft/threading/event.hpp>
#include <weft/threading/thread.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

namespace {

bool listed(const weft::thread_ref& t) {
    const auto all = weft::enumerate();
    return std::find(all.begin(), all.end(), t) != all.end();
}

class countdown_thread : public weft::thread {
public:
    explicit countdown_thread(int n) : n_(n) {}
    std::vector<int> said;

protected:
    void run() override {
        for (int i = 0; i < n_; ++i) said.push_back(n_ - i - 1);
    }

private:
    int n_;
};

}  // namespace

TEST(Thread, RunsTargetWithArguments) {
    int out = 0;
    weft::thread t([&out](int a, int b) { out = a + b; }, 2, 3);
    EXPECT_FALSE(t.is_alive());
    t.start();
    EXPECT_TRUE(t.join(5s));
    EXPECT_FALSE(t.is_alive());
    EXPECT_EQ(out, 5);
    EXPECT_TRUE(t.join());  // a second join returns at once
}

TEST(Thread, SubclassRun) {
    countdown_thread t(3);
    t.start();
    ASSERT_TRUE(t.join(5s));
    EXPECT_EQ(t.said, (std::vector<int>{2, 1, 0}));
}

TEST(Thread, DefaultAndGivenNames) {
    weft::thread a;
    weft::thread b({.name = "NumberCruncher"});
    EXPECT_EQ(a.name().rfind("Thread-", 0), 0u);
    EXPECT_EQ(b.name(), "NumberCruncher");
    weft::thread c;
    EXPECT_NE(a.name(), c.name());
    c.set_name("renamed");
    EXPECT_EQ(c.name(), "renamed");
}

TEST(Thread, IdentsSetAfterStart) {
    weft::event go;
    std::int64_t inside_native = 0;
    std::uint64_t inside_ident = 0;
    weft::thread t([&] {
        inside_native = weft::get_native_id();
        inside_ident = weft::get_ident();
        go.wait(10s);
    });
    EXPECT_EQ(t.ident(), 0u);
    EXPECT_EQ(t.native_id(), 0);
    t.start();
    EXPECT_NE(t.ident(), 0u);
    EXPECT_NE(t.native_id(), 0);
    EXPECT_TRUE(t.is_alive());
    go.set();
    ASSERT_TRUE(t.join(5s));
    EXPECT_EQ(inside_native, t.native_id());
    EXPECT_EQ(inside_ident, t.ident());
}

TEST(Thread, CurrentMainEnumerateActiveCount) {
    EXPECT_EQ(weft::current_thread(), weft::main_thread());
    EXPECT_EQ(weft::main_thread().name(), "MainThread");
    EXPECT_FALSE(weft::main_thread().daemon());
    const auto before = weft::active_count();
    weft::event stop;
    std::string seen_name;
    weft::thread t({.name = "worker"}, [&] {
        seen_name = weft::current_thread().name();
        stop.wait(10s);
    });
    t.start();
    EXPECT_TRUE(listed(t.ref()));
    EXPECT_EQ(weft::active_count(), before + 1);
    stop.set();
    ASSERT_TRUE(t.join(5s));
    EXPECT_EQ(seen_name, "worker");
    EXPECT_FALSE(listed(t.ref()));
    EXPECT_EQ(weft::active_count(), before);
}

TEST(Thread, ForeignThreadIsADummyDaemon) {
    std::string name;
    bool daemon = false;
    std::thread([&] {
        name = weft::current_thread().name();
        daemon = weft::current_thread().daemon();
        EXPECT_THROW(weft::current_thread().join(), weft::runtime_error);
    }).join();
    EXPECT_EQ(name.rfind("Dummy-", 0), 0u);
    EXPECT_TRUE(daemon);
}

TEST(Thread, DaemonIsInheritedAndSettableBeforeStart) {
    weft::thread plain;
    EXPECT_FALSE(plain.daemon());
    bool child_daemon = false;
    weft::thread d({.daemon = true}, [&] {
        weft::thread inner;
        child_daemon = inner.daemon();
    });
    d.start();
    ASSERT_TRUE(d.join(5s));
    EXPECT_TRUE(child_daemon);
    plain.set_daemon(true);
    EXPECT_TRUE(plain.daemon());
    plain.start();
    EXPECT_THROW(plain.set_daemon(false), weft::runtime_error);
    ASSERT_TRUE(plain.join(5s));
}

TEST(Thread, MisuseIsReported) {
    weft::thread t([] {});
    EXPECT_THROW(t.join(), weft::runtime_error);  // before start
    t.start();
    EXPECT_THROW(t.start(), weft::runtime_error);  // twice
    ASSERT_TRUE(t.join(5s));
    bool self_join_threw = false;
    weft::thread self([&] {
        try {
            weft::current_thread().join();
        } catch (const weft::runtime_error&) {
            self_join_threw = true;
        }
    });
    self.start();
    ASSERT_TRUE(self.join(5s));
    EXPECT_TRUE(self_join_threw);
}

TEST(Thread, JoinTimesOut) {
    weft::event release;
    weft::thread t([&] { release.wait(10s); });
    t.start();
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_FALSE(t.join(30ms));
    EXPECT_GE(std::chrono::steady_clock::now() - t0, 25ms);
    EXPECT_TRUE(t.is_alive());
    release.set();
    EXPECT_TRUE(t.join(5s));
}

TEST(Thread, CooperativeStop) {
    std::atomic<long> spins{0};
    weft::thread t([&](std::stop_token token) {
        while (!token.stop_requested()) ++spins;
    });
    t.start();
    std::this_thread::sleep_for(10ms);
    EXPECT_TRUE(t.is_alive());
    t.request_stop();
    EXPECT_TRUE(t.stop_requested());
    ASSERT_TRUE(t.join(5s));
    EXPECT_GT(spins.load(), 0);
}

TEST(Thread, MoveOnlyArguments) {
    auto p = std::make_unique<int>(7);
    int got = 0;
    weft::thread t([&got](std::unique_ptr<int> q) { got = *q; }, std::move(p));
    t.start();
    ASSERT_TRUE(t.join(5s));
    EXPECT_EQ(got, 7);
}

TEST(Thread, MovableIntoVectorBeforeStart) {
    std::atomic<int> sum{0};
    std::vector<weft::thread> threads;
    for (int i = 0; i < 50; ++i) threads.emplace_back([&sum](int k) { sum += k; }, i);
    for (auto& t : threads) t.start();
    for (auto& t : threads) ASSERT_TRUE(t.join(10s));
    EXPECT_EQ(sum.load(), 49 * 50 / 2);
}

TEST(Thread, OutlivesItsObject) {
    // Python semantics: dropping the object does not stop the thread.
    auto done = std::make_shared<weft::event>();
    auto go = std::make_shared<weft::event>();
    weft::thread_ref ref = [&] {
        weft::thread t([done, go] {
            go->wait(10s);
            done->set();
        });
        t.start();
        return t.ref();
    }();
    EXPECT_TRUE(ref.is_alive());
    EXPECT_TRUE(listed(ref));
    go->set();
    EXPECT_TRUE(ref.join(5s));
    EXPECT_TRUE(done->is_set());
}

TEST(Thread, ExceptionGoesToExcepthookWithName) {
    std::optional<weft::excepthook_args> seen;
    weft::event called;
    auto previous = weft::set_excepthook([&](const weft::excepthook_args& a) {
        seen = a;
        called.set();
    });
    weft::thread t({.name = "doomed"}, [] { throw std::invalid_argument("boom"); });
    t.start();
    ASSERT_TRUE(t.join(5s));
    weft::set_excepthook(previous);
    ASSERT_TRUE(called.is_set());
    ASSERT_TRUE(seen);
    EXPECT_EQ(seen->thread.name(), "doomed");
    EXPECT_EQ(seen->exc_type, "std::invalid_argument");
    EXPECT_EQ(seen->message, "boom");
    EXPECT_THROW(std::rethrow_exception(seen->exception), std::invalid_argument);
}

TEST(Thread, DefaultExcepthookPrintsNameTypeAndMessage) {
    weft::set_excepthook({});
    testing::internal::CaptureStderr();
    weft::thread t({.name = "printer"}, [] { throw std::runtime_error("it broke"); });
    t.start();
    ASSERT_TRUE(t.join(5s));
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_NE(err.find("Exception in thread printer:"), std::string::npos) << err;
    EXPECT_NE(err.find("std::runtime_error: it broke"), std::string::npos) << err;
}

TEST(Thread, NonStdExceptionIsReportedToo) {
    std::string type;
    auto previous =
        weft::set_excepthook([&](const weft::excepthook_args& a) { type = a.exc_type; });
    weft::thread t([] { throw 42; });
    t.start();
    ASSERT_TRUE(t.join(5s));
    weft::set_excepthook(previous);
    EXPECT_EQ(type, "int");
}

TEST(ThreadDeathTest, NonDaemonThreadsAreWaitedForAtExit) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    EXPECT_EXIT(
        {
            weft::thread t([] {
                std::this_thread::sleep_for(100ms);
                std::fputs("worker finished\n", stderr);
            });
            t.start();
            std::exit(0);
        },
        testing::ExitedWithCode(0), "worker finished");
}

TEST(ThreadDeathTest, DaemonThreadsAreNotWaitedFor) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_EXIT(
        {
            weft::thread t({.daemon = true}, [] { std::this_thread::sleep_for(60s); });
            t.start();
            std::exit(3);
        },
        testing::ExitedWithCode(3), "");
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 20s);
}

TEST(ThreadDeathTest, DestroyingARunningSubclassAborts) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    struct forever : weft::thread {
        weft::event stop;
        void run() override { stop.wait(30s); }
    };
    EXPECT_DEATH(
        {
            forever f;
            f.start();
        },
        "destroyed while its run\\(\\) is executing");
}
