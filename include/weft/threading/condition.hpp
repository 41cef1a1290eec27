#pragma once
// weft::condition — Python's threading.Condition: a condition variable bound
// to a weft::lock or weft::rlock (an rlock of its own by default).
//
// Thread safety: all members may be called concurrently on one object; wait
//   and notify require the calling thread to hold the lock (for an rlock: to
//   own it; for a plain lock: that it is held), else weft::runtime_error.
// Semantics: wait() releases the lock completely (every level of an rlock),
//   blocks until notified or the timeout passes, and re-acquires the lock
//   before it returns, whatever the outcome. notify(n) wakes the n longest
//   waiting threads (FIFO), notify_all() all of them. Spurious wake-ups do not
//   happen, but a notified thread must still re-check its predicate because
//   another thread may have run first: wait_for(predicate) does that loop.
// Memory ordering: everything done under the lock before notify is visible to
//   the woken thread once wait() returns (it re-acquired the lock).
// Lifetime: destroy it only when no thread waits on it; the bound lock must
//   outlive it.
// Blocking: wait()/wait_for() block the calling thread; cancelled only by
//   the timeout. RAII: Lockable, forwarding to the bound lock — `with cond:`.

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/threading/detail/deadline.hpp>
#include <weft/threading/detail/waitlist.hpp>
#include <weft/threading/guard.hpp>
#include <weft/threading/lock.hpp>
#include <weft/threading/rlock.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <variant>

namespace weft {

class condition {
public:
    /// A condition with an rlock of its own, as Python's Condition().
    condition();
    explicit condition(weft::lock& l) noexcept : lock_(&l) {}
    explicit condition(weft::rlock& l) noexcept : lock_(&l) {}
    condition(const condition&) = delete;
    condition& operator=(const condition&) = delete;
    condition(condition&&) = delete;
    condition& operator=(condition&&) = delete;
    ~condition();

    bool acquire(bool blocking = true, std::optional<seconds> timeout = std::nullopt);
    void release();
    void lock() { acquire(); }
    [[nodiscard]] bool try_lock() { return acquire(false); }
    void unlock() noexcept { release(); }

    /// Returns true when notified, false when the timeout passed.
    bool wait(std::optional<seconds> timeout = std::nullopt);

    /// Waits until `predicate()` is true (checked first, and after every
    /// wake-up, with the lock held); returns its last value, so false means
    /// the timeout passed with the predicate still false.
    template <class Predicate>
    bool wait_for(Predicate predicate, std::optional<seconds> timeout = std::nullopt) {
        const auto until = detail::deadline::after(timeout);
        bool result = predicate();
        while (!result) {
            std::optional<seconds> left;
            if (!until.infinite()) {
                left = until.when() - detail::deadline::clock::now();
                if (*left <= seconds::zero()) break;
            }
            wait(left);
            result = predicate();
        }
        return result;
    }

    /// Wakes up to `n` waiting threads.
    void notify(std::size_t n = 1);
    void notify_all();

private:
    void require_owned(const char* what) const;

    std::unique_ptr<weft::rlock> own_;
    std::variant<weft::lock*, weft::rlock*> lock_;
    detail::waitlist waiters_;
};

}  // namespace weft
