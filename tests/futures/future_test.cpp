#include <weft/futures/future.hpp>
#include <weft/threading/thread.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

using namespace std::chrono_literals;

namespace {
struct capture_unretrieved {
    std::vector<std::string> seen;
    weft::unretrieved_exception_handler previous;
    capture_unretrieved() {
        previous = weft::set_unretrieved_exception_handler([this](std::exception_ptr e) {
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& ex) {
                seen.emplace_back(ex.what());
            }
        });
    }
    ~capture_unretrieved() { weft::set_unretrieved_exception_handler(previous); }
};
}  // namespace

TEST(Future, StatesAndResult) {
    auto f = weft::future<int>::create();
    EXPECT_TRUE(f.valid());
    EXPECT_FALSE(f.done());
    EXPECT_FALSE(f.running());
    EXPECT_TRUE(f.set_running_or_notify_cancel());
    EXPECT_TRUE(f.running());
    EXPECT_FALSE(f.cancel());  // running: too late, as Python
    f.set_result(42);
    EXPECT_TRUE(f.done());
    EXPECT_FALSE(f.cancelled());
    EXPECT_EQ(f.result(), 42);
    EXPECT_EQ(f.exception(), nullptr);
    const auto copy = f;
    EXPECT_EQ(copy.result(), 42);
    EXPECT_TRUE(copy.same_as(f));
}

TEST(Future, ResultTimesOut) {
    auto f = weft::future<int>::create();
    const auto t0 = std::chrono::steady_clock::now();
    EXPECT_THROW((void)f.result(30ms), weft::timeout_error);
    EXPECT_GE(std::chrono::steady_clock::now() - t0, 25ms);
    EXPECT_THROW((void)f.exception(0s), weft::timeout_error);
    EXPECT_FALSE(f.wait(1ms));
    f.set_result(1);
}

TEST(Future, ExceptionKeepsItsType) {
    auto f = weft::future<std::string>::create();
    f.set_exception(std::make_exception_ptr(std::out_of_range("index 7")));
    EXPECT_TRUE(f.has_exception());
    EXPECT_THROW((void)f.result(), std::out_of_range);
    EXPECT_NE(f.exception(), nullptr);
}

TEST(Future, CancelPending) {
    auto f = weft::future<void>::create();
    EXPECT_TRUE(f.cancel());
    EXPECT_TRUE(f.cancel());  // idempotent
    EXPECT_TRUE(f.cancelled());
    EXPECT_TRUE(f.done());
    EXPECT_FALSE(f.set_running_or_notify_cancel());
    EXPECT_THROW(f.result(), weft::cancelled_error);
    EXPECT_THROW((void)f.exception(), weft::cancelled_error);
    EXPECT_THROW(f.set_result(), weft::invalid_state_error);
}

TEST(Future, SetTwiceIsInvalidState) {
    auto f = weft::future<int>::create();
    f.set_result(1);
    EXPECT_THROW(f.set_result(2), weft::invalid_state_error);
    EXPECT_THROW(f.set_exception(std::make_exception_ptr(std::runtime_error("x"))),
                 weft::invalid_state_error);
    EXPECT_EQ(f.result(), 1);
}

TEST(Future, CallbacksRunOnCompletionOrAtOnce) {
    auto f = weft::future<int>::create();
    int seen = 0;
    f.add_done_callback([&](const weft::future<int>& g) { seen = g.result(); });
    EXPECT_EQ(seen, 0);
    f.set_result(5);
    EXPECT_EQ(seen, 5);
    int again = 0;
    f.add_done_callback([&](const weft::future<int>& g) { again = g.result() + 1; });
    EXPECT_EQ(again, 6);  // already done: ran in this thread at once
}

TEST(Future, ThrowingCallbackIsReportedNotPropagated) {
    auto f = weft::future<int>::create();
    bool second = false;
    f.add_done_callback([](const weft::future<int>&) { throw std::runtime_error("cb"); });
    f.add_done_callback([&](const weft::future<int>&) { second = true; });
    testing::internal::CaptureStderr();
    EXPECT_NO_THROW(f.set_result(1));
    const auto err = testing::internal::GetCapturedStderr();
    EXPECT_TRUE(second);
    EXPECT_NE(err.find("cb"), std::string::npos) << err;
}

TEST(Future, WaitingThreadWakesOnResult) {
    auto f = weft::future<int>::create();
    weft::thread t([f]() mutable {
        std::this_thread::sleep_for(20ms);
        f.set_result(9);
    });
    t.start();
    EXPECT_EQ(f.result(10s), 9);
    ASSERT_TRUE(t.join(5s));
}

TEST(Future, ThenChainsValuesExceptionsAndCancellation) {
    auto f = weft::future<int>::create();
    auto g = f.then([](int v) { return std::to_string(v * 2); });
    auto h = g.then([](const std::string& s) { return s.size(); });
    f.set_result(21);
    EXPECT_EQ(g.result(), "42");
    EXPECT_EQ(h.result(), 2u);

    auto bad = weft::future<int>::create();
    auto after_bad = bad.then([](int v) { return v; });
    bad.set_exception(std::make_exception_ptr(std::logic_error("upstream")));
    EXPECT_THROW((void)after_bad.result(), std::logic_error);

    auto thrower = weft::future<void>::create();
    auto failing = thrower.then([]() -> int { throw std::runtime_error("in then"); });
    thrower.set_result();
    EXPECT_THROW((void)failing.result(), std::runtime_error);

    auto c = weft::future<int>::create();
    auto after_c = c.then([](int) {});
    EXPECT_TRUE(c.cancel());
    EXPECT_TRUE(after_c.cancelled());
}

TEST(Future, UnretrievedExceptionIsReported) {
    capture_unretrieved cap;
    {
        auto f = weft::future<int>::create();
        f.set_exception(std::make_exception_ptr(std::runtime_error("nobody looked")));
        auto copy = f;  // the last handle going away reports it
    }
    ASSERT_EQ(cap.seen.size(), 1u);
    EXPECT_EQ(cap.seen[0], "nobody looked");
}

TEST(Future, RetrievedExceptionIsNotReported) {
    capture_unretrieved cap;
    {
        auto f = weft::future<int>::create();
        f.set_exception(std::make_exception_ptr(std::runtime_error("seen")));
        EXPECT_THROW((void)f.result(), std::runtime_error);
    }
    {
        auto f = weft::future<int>::create();
        f.set_exception(std::make_exception_ptr(std::runtime_error("seen too")));
        auto g = f.then([](int v) { return v; });  // passed on: retrieved
        EXPECT_NE(g.exception(), nullptr);
    }
    EXPECT_TRUE(cap.seen.empty());
}

TEST(Future, DefaultHandlerPrintsTypeAndMessage) {
    weft::set_unretrieved_exception_handler({});
    testing::internal::CaptureStderr();
    {
        auto f = weft::future<int>::create();
        f.set_exception(std::make_exception_ptr(std::invalid_argument("lost")));
    }
    const auto err = testing::internal::GetCapturedStderr();
    EXPECT_NE(err.find("never retrieved"), std::string::npos) << err;
    EXPECT_NE(err.find("std::invalid_argument: lost"), std::string::npos) << err;
}

TEST(Future, MoveOnlyValue) {
    auto f = weft::future<std::unique_ptr<int>>::create();
    f.set_result(std::make_unique<int>(3));
    EXPECT_EQ(*f.result(), 3);
}

TEST(Future, EmptyHandleIsAClearError) {
    weft::future<int> empty;
    EXPECT_FALSE(empty.valid());
    EXPECT_FALSE(empty.done());
    EXPECT_FALSE(empty.running());
    EXPECT_FALSE(empty.cancelled());
    EXPECT_THROW((void)empty.result(), weft::invalid_state_error);
    EXPECT_THROW(empty.cancel(), weft::invalid_state_error);
    EXPECT_THROW(empty.add_done_callback([](const weft::future<int>&) {}),
                 weft::invalid_state_error);
    auto real = weft::future<int>::create();
    auto moved = std::move(real);
    EXPECT_THROW(real.set_result(1), weft::invalid_state_error);  // NOLINT(bugprone-use-after-move)
    moved.set_result(1);
    EXPECT_EQ(moved.result(), 1);
}
