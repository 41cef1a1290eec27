#pragma once
// weft::timer — Python's threading.Timer: a thread that calls a function
// after an interval unless cancel() came first.
//
// Thread safety: cancel(), join(), is_alive() and finished() may be called
//   concurrently; start() once.
// Lifetime: the timer may be destroyed while waiting or running; the
//   function still runs (or stays cancelled), as a Python Timer would.
// Errors: as weft::thread; an exception from the function goes to the
//   excepthook. A negative interval throws weft::value_error.
// Blocking: join() blocks the calling thread, as thread::join.

#include <weft/chrono.hpp>
#include <weft/threading/event.hpp>
#include <weft/threading/thread.hpp>

#include <memory>
#include <optional>
#include <stop_token>
#include <tuple>
#include <utility>

namespace weft {

class timer {
public:
    template <class F, class... Args>
    timer(seconds interval, F&& f, Args&&... args)
        : cancelled_(std::make_shared<event>()),
          thread_(
              [interval, cancelled = cancelled_](std::stop_token, auto&& fn, auto&&... a) -> void {
                  if (!cancelled->wait(interval)) std::invoke(fn, a...);
              },
              std::forward<F>(f), std::forward<Args>(args)...) {
        if (interval < seconds::zero() || interval != interval)
            throw value_error("timer interval must be non-negative");
    }

    void start() { thread_.start(); }
    /// Stops the timer if it is still waiting; no effect once the function runs.
    void cancel() noexcept { cancelled_->set(); }
    bool join(std::optional<seconds> timeout = std::nullopt) { return thread_.join(timeout); }
    [[nodiscard]] bool is_alive() const noexcept { return thread_.is_alive(); }
    [[nodiscard]] bool cancelled() const noexcept { return cancelled_->is_set(); }
    [[nodiscard]] thread_ref ref() const { return thread_.ref(); }
    [[nodiscard]] std::string name() const { return thread_.name(); }

private:
    std::shared_ptr<event> cancelled_;
    thread thread_;
};

}  // namespace weft
