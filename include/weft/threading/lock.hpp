#pragma once
// weft::lock — Python's threading.Lock: a binary lock with no owner.
//
// Thread safety: all members may be called concurrently on one object.
// Ownership: like Python's, a lock has no owning thread: any thread may
//   release a lock another thread acquired (the notes' `idle_release`). Use
//   weft::rlock when ownership must be checked.
// Memory ordering: a successful acquire synchronises-with the release that
//   made the lock free, as std::mutex.
// Lifetime: destroy it only when no thread waits on it; destroying a held
//   lock is a contract violation that aborts in debug builds.
// Errors: release() of an unlocked lock throws weft::runtime_error (Python's
//   RuntimeError); a negative timeout throws weft::value_error.
// Blocking: acquire() blocks the calling thread (spinning briefly first);
//   it is cancelled only by its timeout.
// RAII: weft::guard (weft/threading/guard.hpp) — the notes' `with lock:`.
//   A class named `lock` cannot have a member lock(), so the std guards do
//   not apply; try_lock_for/until cover timed use.

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/threading/detail/annotations.hpp>
#include <weft/threading/detail/futex_mutex.hpp>
#include <weft/threading/lock_order.hpp>

#include <cassert>
#include <chrono>
#include <optional>
#include <string>

namespace weft {

class WEFT_CAPABILITY("mutex") lock {
public:
    /// `name` appears in lock-order reports; it is kept only when
    /// WEFT_LOCK_ORDER_CHECK is on.
    explicit lock(std::string name = {}) {
#ifdef WEFT_LOCK_ORDER_CHECK
        detail::lock_order_register(this, std::move(name));
#else
        (void)name;
#endif
    }
    lock(const lock&) = delete;
    lock& operator=(const lock&) = delete;
    lock(lock&&) = delete;
    lock& operator=(lock&&) = delete;
    ~lock() {
        assert(!mutex_.locked() && "weft::lock destroyed while held");
#ifdef WEFT_LOCK_ORDER_CHECK
        detail::lock_order_forget(this);
#endif
    }

    /// Python's acquire(blocking=True, timeout=-1). Returns whether the lock
    /// was acquired: false when `blocking` is false and it is held, or when
    /// `timeout` passed first.
    bool acquire(bool blocking = true, std::optional<seconds> timeout = std::nullopt)
        WEFT_TRY_ACQUIRE(true) {
#ifdef WEFT_LOCK_ORDER_CHECK
        // Checked on every blocking acquire, contended or not, so an inverted
        // order is found even in a run where the threads never collide.
        if (blocking) detail::lock_order_before_blocking(this);
#endif
        if (mutex_.try_lock()) return acquired();
        if (!blocking) return false;
        const auto until = detail::deadline::after(timeout);
        return !until.immediate() && mutex_.lock_until(until) && acquired();
    }

    /// Makes the lock free and wakes one waiter. Any thread may call it.
    /// Throws weft::runtime_error when the lock is not held.
    void release() WEFT_RELEASE() {
#ifdef WEFT_LOCK_ORDER_CHECK
        detail::lock_order_released(this);
#endif
        if (mutex_.unlock() == 0) throw runtime_error("release unlocked lock");
    }

    /// Whether some thread holds the lock right now (a snapshot).
    [[nodiscard]] bool locked() const noexcept { return mutex_.locked(); }

    [[nodiscard]] bool try_lock() noexcept WEFT_TRY_ACQUIRE(true) {
        return mutex_.try_lock() && acquired();
    }
    template <class Rep, class Period>
    [[nodiscard]] bool try_lock_for(const std::chrono::duration<Rep, Period>& d)
        WEFT_TRY_ACQUIRE(true) {
        return acquire(true, std::chrono::duration_cast<seconds>(d));
    }
    template <class Clock, class Duration>
    [[nodiscard]] bool try_lock_until(const std::chrono::time_point<Clock, Duration>& t)
        WEFT_TRY_ACQUIRE(true) {
        const auto left = std::chrono::duration_cast<seconds>(t - Clock::now());
        return acquire(true, left > seconds::zero() ? left : seconds::zero());
    }

private:
    bool acquired() noexcept {
#ifdef WEFT_LOCK_ORDER_CHECK
        detail::lock_order_acquired(this);
#endif
        return true;
    }

    detail::futex_mutex mutex_;
};

}  // namespace weft
