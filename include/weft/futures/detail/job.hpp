#pragma once
// Internal: a queued unit of work of a thread pool, and the task that binds a
// callable to its future in one allocation.

#include <weft/futures/detail/future_core.hpp>

#include <exception>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

namespace weft::detail {

class job {
public:
    /// Runs the job (unless its future was cancelled), completes the future
    /// and drops the queue's reference.
    virtual void run() noexcept = 0;
    /// Completes the future without running: cancelled when `why` is null,
    /// failed with `why` otherwise; drops the queue's reference.
    virtual void abandon(std::exception_ptr why) noexcept = 0;

protected:
    ~job() = default;
};

template <class R, class Fn>
class task final : public job, public future_core<R> {
public:
    /// Two references from the start: the future's and the queue's.
    explicit task(Fn fn) : future_core<R>(2), fn_(std::move(fn)) {}

    void run() noexcept override {
        if (this->state() == future_core_base::pending) {
            bool go = false;
            try {
                go = this->set_running_or_notify_cancel();
            } catch (...) {
            }
            if (go) {
                try {
                    if constexpr (std::is_void_v<R>) {
                        (*fn_)();
                        this->set_value();
                    } else {
                        this->set_value((*fn_)());
                    }
                } catch (...) {
                    if (!this->is_done()) this->set_exception(std::current_exception());
                }
            }
        }
        fn_.reset();  // the callable and its arguments die here, in the worker
        this->release();
    }

    void abandon(std::exception_ptr why) noexcept override {
        if (why == nullptr) {
            (void)this->cancel();
        } else {
            try {
                this->set_exception(std::move(why));
            } catch (...) {
            }
        }
        fn_.reset();
        this->release();
    }

private:
    std::optional<Fn> fn_;
};

}  // namespace weft::detail
