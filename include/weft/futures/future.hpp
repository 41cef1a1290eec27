#pragma once
// weft::future<T> — Python's concurrent.futures.Future: the eventual result
// of a job. The one future type of weft: thread pools, and later process pools
// and the event loop's run_in_executor, hand out this type.
//
// A future is a cheap copyable handle to shared state (copies refer to the
// same result). States: pending -> running -> finished, or pending ->
// cancelled. Only a pending future can be cancelled, as in Python.
//
// Thread safety: every member may be called concurrently on copies of one
//   future and on one future object, except assignment.
// Errors: result() rethrows the job's exception with its type intact; on a
//   cancelled future result() and exception() throw weft::cancelled_error;
//   when the timeout passes first they throw weft::timeout_error. Setting the
//   result of a done future throws weft::invalid_state_error.
// Nothing is lost: an exception that nobody retrieved (through result(),
//   exception() or then()) is reported when the last future referring to it
//   goes away — asyncio's "exception was never retrieved" — through
//   set_unretrieved_exception_handler (default: printed to stderr).
// Blocking: result()/exception() block the calling thread until the future is
//   done or the timeout passes. Called on a worker of a weft thread pool, they
//   run other queued jobs of that pool while they wait, so a job may submit a
//   job and wait for it without deadlocking the pool.
// Callbacks: add_done_callback(f) runs f(future) in the thread that completes
//   the future, or at once in the calling thread if it is already done. An
//   exception from a callback is reported and dropped, as Python logs it.

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/futures/detail/future_core.hpp>
#include <weft/threading/detail/deadline.hpp>

#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

namespace weft {

template <class T>
class future;

namespace detail {
template <class T>
struct future_access;
template <class F, class T>
struct then_result {
    using type = std::invoke_result_t<F&, const T&>;
};
template <class F>
struct then_result<F, void> {
    using type = std::invoke_result_t<F&>;
};
}  // namespace detail

/// Handler for exceptions that were never retrieved; returns the previous
/// one. An empty function restores the default (print to stderr).
using unretrieved_exception_handler = std::function<void(std::exception_ptr)>;
unretrieved_exception_handler set_unretrieved_exception_handler(unretrieved_exception_handler h);

template <class T>
class [[nodiscard]] future {
public:
    using value_type = T;

    /// An empty handle (valid() is false); assign a real future to it. On an
    /// empty handle the state queries return false and every other member
    /// throws weft::invalid_state_error.
    future() noexcept = default;

    /// A new pending future with no job behind it, for code that produces
    /// results itself (Python's Future()): complete it with set_result().
    static future create() { return future(new detail::future_core<T>()); }

    future(const future& other) noexcept : core_(other.core_) {
        if (core_) core_->add_ref();
    }
    future(future&& other) noexcept : core_(std::exchange(other.core_, nullptr)) {}
    future& operator=(future other) noexcept {
        std::swap(core_, other.core_);
        return *this;
    }
    ~future() {
        if (core_) core_->release();
    }

    [[nodiscard]] bool valid() const noexcept { return core_ != nullptr; }
    [[nodiscard]] bool running() const noexcept {
        if (!core_) return false;
        const auto s = core_->state();
        return s == detail::future_core_base::running || s == detail::future_core_base::completing;
    }
    [[nodiscard]] bool done() const noexcept { return core_ && core_->is_done(); }
    [[nodiscard]] bool cancelled() const noexcept {
        return core_ && core_->state() == detail::future_core_base::cancelled;
    }

    /// Cancels the job if it has not started; returns whether the future is
    /// now cancelled (false once it runs or is done).
    bool cancel() {
        check();
        return core_->cancel();
    }

    /// The job's value (a reference into the shared state; `void` for
    /// future<void>), or its exception rethrown.
    decltype(auto) result(std::optional<seconds> timeout = std::nullopt) const {
        wait_done(timeout);
        if (core_->has_exception()) std::rethrow_exception(core_->take_exception());
        if constexpr (std::is_void_v<T>)
            return;
        else
            return static_cast<const T&>(core_->value());
    }

    /// The job's exception (null if it returned normally).
    [[nodiscard]] std::exception_ptr exception(
        std::optional<seconds> timeout = std::nullopt) const {
        wait_done(timeout);  // checks for an empty handle
        return core_->take_exception();
    }

    /// Whether the job failed (a snapshot; does not count as retrieving).
    [[nodiscard]] bool has_exception() const noexcept {
        return core_ && core_->state() == detail::future_core_base::finished &&
               core_->has_exception();
    }
    /// Whether two handles refer to the same future.
    [[nodiscard]] bool same_as(const future& other) const noexcept { return core_ == other.core_; }

    /// Blocks until done or the timeout; returns done().
    bool wait(std::optional<seconds> timeout = std::nullopt) const {
        check();
        return core_->wait(detail::deadline::after(timeout));
    }

    /// Calls `f(const future<T>&)` once the future is done.
    template <class F>
    void add_done_callback(F f) const {
        check();
        detail::future_core<T>* core = core_;
        core_->add_callback([core, f = std::move(f)]() mutable {
            core->add_ref();
            const future self(core);
            f(self);
        });
    }

    /// A continuation: a future of `f(result)` (or `f()` for future<void>),
    /// run in the thread that completes this one. An exception of this
    /// future, or thrown by `f`, fails the new one; cancelling this one
    /// cancels the new one.
    template <class F>
    auto then(F f) const {
        using R = typename detail::then_result<F, T>::type;
        future<R> next = future<R>::create();
        add_done_callback([next, f = std::move(f)](const future& self) mutable {
            if (self.cancelled()) {
                (void)next.cancel();
                return;
            }
            if (auto e = self.core_->take_exception()) {
                next.set_exception(std::move(e));
                return;
            }
            try {
                if constexpr (std::is_void_v<T> && std::is_void_v<R>) {
                    f();
                    next.set_result();
                } else if constexpr (std::is_void_v<T>) {
                    next.set_result(f());
                } else if constexpr (std::is_void_v<R>) {
                    f(self.core_->value());
                    next.set_result();
                } else {
                    next.set_result(f(self.core_->value()));
                }
            } catch (...) {
                next.set_exception(std::current_exception());
            }
        });
        return next;
    }

    // The producer's side (Python's methods "for use by executors").
    bool set_running_or_notify_cancel() {
        check();
        return core_->set_running_or_notify_cancel();
    }
    template <class... A>
    void set_result(A&&... value) {
        check();
        core_->set_value(std::forward<A>(value)...);
    }
    void set_exception(std::exception_ptr e) {
        check();
        core_->set_exception(std::move(e));
    }

private:
    template <class>
    friend class future;
    friend struct detail::future_access<T>;
    explicit future(detail::future_core<T>* adopted) noexcept : core_(adopted) {}

    void check() const {
        if (!core_) throw invalid_state_error("empty future (default-constructed or moved from)");
    }
    void wait_done(std::optional<seconds> timeout) const {
        check();
        if (!core_->is_done() && !core_->wait(detail::deadline::after(timeout)))
            throw timeout_error("future did not finish within the timeout");
        if (cancelled()) throw cancelled_error("future was cancelled");
    }

    detail::future_core<T>* core_ = nullptr;
};

namespace detail {
/// For executors: wraps a core they allocated (taking its first reference).
template <class T>
struct future_access {
    static future<T> adopt(future_core<T>* core) noexcept { return future<T>(core); }
    /// Identity of the shared state, for sets of futures.
    static const void* id(const future<T>& f) noexcept { return f.core_; }
};
}  // namespace detail

}  // namespace weft
