#pragma once
// Internal: the shared state behind weft::future — state machine, result,
// waiters, done-callbacks and an intrusive reference count (so an executor's
// job and its future are one allocation).

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/threading/detail/deadline.hpp>
#include <weft/threading/detail/futex_mutex.hpp>
#include <weft/threading/detail/waitlist.hpp>

#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace weft::detail {

/// A thread that can do useful work while it waits for a future: a pool
/// worker runs other jobs instead of sleeping (so nested submit-and-wait
/// cannot deadlock the pool). Installed per thread by executors.
class future_core_base;
class waiting_helper {
public:
    /// Runs queued work until `f` is done or the deadline passes; returns
    /// whether `f` is done.
    virtual bool help_until(const future_core_base& f, const deadline& until) = 0;

protected:
    ~waiting_helper() = default;
};
waiting_helper*& current_waiting_helper() noexcept;

/// Reports an exception that no one retrieved (asyncio's "exception was
/// never retrieved"); see weft::set_unretrieved_exception_handler.
void report_unretrieved(const std::exception_ptr& e) noexcept;

class future_core_base {
public:
    // `completing`: a result is being stored; the future is not done yet and
    // can no longer be cancelled or given another result.
    enum : std::uint32_t { pending = 0, running = 1, cancelled = 2, finished = 3, completing = 4 };

    future_core_base() = default;
    /// Starts with `refs` references (an executor's job: the future's and the
    /// queue's), saving an atomic increment per job.
    explicit future_core_base(std::uint32_t refs) noexcept : refs_(refs) {}
    future_core_base(const future_core_base&) = delete;
    future_core_base& operator=(const future_core_base&) = delete;

    void add_ref() noexcept { refs_.fetch_add(1, std::memory_order_relaxed); }
    void release() noexcept {
        if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
    }

    [[nodiscard]] std::uint32_t state() const noexcept {
        return state_.load(std::memory_order_acquire);
    }
    [[nodiscard]] bool is_done() const noexcept {
        const auto s = state();
        return s == cancelled || s == finished;
    }

    /// pending -> cancelled; true if the future is (now) cancelled.
    bool cancel() noexcept {
        std::uint32_t s = pending;
        if (state_.compare_exchange_strong(s, cancelled, std::memory_order_seq_cst)) {
            complete();
            return true;
        }
        return s == cancelled;
    }

    /// Python's set_running_or_notify_cancel(): true if the job may run
    /// (pending -> running), false if it was cancelled.
    bool set_running_or_notify_cancel() {
        std::uint32_t s = pending;
        if (state_.compare_exchange_strong(s, running, std::memory_order_acq_rel)) return true;
        if (s == cancelled) return false;
        throw invalid_state_error("future is already running or done");
    }

    void set_exception(std::exception_ptr e) {
        claim();
        exception_ = std::move(e);
        finish();
    }

    /// Blocks (or helps, on a pool worker) until done or the deadline.
    bool wait(const deadline& until) const;
    /// Blocks this thread until done or the deadline, never helping.
    bool wait_here(const deadline& until) const;

    /// Runs `f` when the future is done — at once, in this thread, if it is.
    void add_callback(std::function<void()> f);

    /// The stored exception, marking it retrieved.
    [[nodiscard]] std::exception_ptr take_exception() const noexcept {
        retrieved_.store(true, std::memory_order_relaxed);
        return exception_;
    }
    [[nodiscard]] bool has_exception() const noexcept { return exception_ != nullptr; }

protected:
    virtual ~future_core_base();

    /// pending|running -> completing, so exactly one thread stores a result.
    void claim() {
        std::uint32_t s = state_.load(std::memory_order_relaxed);
        do {
            if (s != pending && s != running) throw invalid_state_error("future is already done");
        } while (!state_.compare_exchange_weak(s, completing, std::memory_order_acquire));
    }
    /// completing -> finished (publishing the result), then wakes waiters and
    /// runs callbacks.
    void finish() noexcept {
        // A release store is enough: waiters pair with the waitlist's fences,
        // and callback registration pairs with the claim (see add_callback).
        state_.store(finished, std::memory_order_release);
        complete();
    }

    /// After claim(): the value could not be stored; the future fails instead.
    void set_claimed_exception(std::exception_ptr e) noexcept {
        exception_ = std::move(e);
        finish();
    }

private:
    void complete() noexcept;
    void run_callbacks() noexcept;

    // Layout: what both the completing worker and the waiting caller touch
    // comes first, so one job's handover moves one cache line, not two.
    std::atomic<std::uint32_t> state_{pending};
    std::atomic<std::uint32_t> refs_{1};
    std::exception_ptr exception_;  // written before finish()
    mutable std::atomic<bool> retrieved_{false};
    // Set (under mu_) once a callback is registered, so that completing a
    // future nobody registered a callback on skips mu_ entirely.
    std::atomic<bool> has_callbacks_{false};
    mutable waitlist waiters_;
    futex_mutex mu_;
    bool completed_ = false;                        // guarded by mu_: callbacks taken
    std::vector<std::function<void()>> callbacks_;  // guarded by mu_
};

template <class T>
class future_core : public future_core_base {
public:
    using future_core_base::future_core_base;
    future_core() = default;

    template <class... A>
    void set_value(A&&... a) {
        claim();
        try {
            value_.emplace(std::forward<A>(a)...);
        } catch (...) {
            set_claimed_exception(std::current_exception());
            throw;
        }
        finish();
    }
    [[nodiscard]] const T& value() const noexcept { return *value_; }
    [[nodiscard]] T& value() noexcept { return *value_; }

private:
    std::optional<T> value_;
};

template <>
class future_core<void> : public future_core_base {
public:
    using future_core_base::future_core_base;
    future_core() = default;

    void set_value() {
        claim();
        finish();
    }
};

}  // namespace weft::detail
