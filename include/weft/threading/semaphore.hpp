#pragma once
// weft::semaphore — Python's threading.Semaphore: a counter that acquire()
// decrements, blocking while it is zero, and release(n) increments.
//
// Thread safety: all members may be called concurrently on one object.
// Ownership: none; any thread may release.
// Memory ordering: an acquire synchronises-with the release whose unit it took.
// Lifetime: destroy it only when no thread waits on it.
// Errors: a negative initial value or release(0) throws weft::value_error.
// Blocking: acquire() blocks the calling thread (after a short spin);
//   cancelled only by its timeout. Waiters are woken in no guaranteed order.
// RAII: Lockable (lock/try_lock/unlock), so std::lock_guard limits a section
//   to N threads — the notes' `with semaphore:`.

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/threading/detail/futex.hpp>

#include <atomic>
#include <cstdint>
#include <optional>

namespace weft {

class semaphore {
public:
    explicit semaphore(std::int64_t value = 1);
    semaphore(const semaphore&) = delete;
    semaphore& operator=(const semaphore&) = delete;
    semaphore(semaphore&&) = delete;
    semaphore& operator=(semaphore&&) = delete;
    virtual ~semaphore() = default;

    /// Takes one unit; returns false when non-blocking and none is free, or
    /// when the timeout passed first.
    bool acquire(bool blocking = true, std::optional<seconds> timeout = std::nullopt);

    /// Returns `n` units and wakes up to `n` waiters.
    virtual void release(std::uint32_t n = 1);

    /// The current value (a snapshot).
    [[nodiscard]] std::uint32_t value() const noexcept {
        return value_.load(std::memory_order_relaxed);
    }

    void lock() { acquire(); }
    [[nodiscard]] bool try_lock() { return acquire(false); }
    void unlock() noexcept { release(); }

protected:
    bool try_take() noexcept;
    void wake(std::uint32_t n) noexcept;

    std::atomic<std::uint32_t> value_;
    std::atomic<std::uint32_t> waiters_{0};
};

}  // namespace weft
