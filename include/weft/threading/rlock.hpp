#pragma once
// weft::rlock — Python's threading.RLock: a recursive lock with an owner.
//
// Thread safety: all members may be called concurrently on one object.
// Ownership: the thread that acquired it owns it and may acquire it again;
//   it is free once the owner released it as many times as it acquired it.
//   Only the owner may release: another thread's release() throws.
// Memory ordering: as weft::lock (acquire/release on the first acquisition
//   and the last release).
// Lifetime: destroy it only when no thread holds or waits on it (aborts in
//   debug builds when held).
// Errors: release() by a thread that does not own it throws
//   weft::runtime_error ("cannot release un-acquired lock").
// Blocking: acquire() blocks the calling thread; cancelled only by timeout.

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/threading/detail/annotations.hpp>
#include <weft/threading/detail/futex_mutex.hpp>
#include <weft/threading/lock_order.hpp>

#include <atomic>
#include <cassert>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace weft {

namespace detail {
/// A process-wide unique, never-zero id of the calling thread (cheap: one
/// thread_local read).
std::uint64_t this_thread_key() noexcept;
}  // namespace detail

class WEFT_CAPABILITY("mutex") rlock {
public:
    explicit rlock(std::string name = {}) {
#ifdef WEFT_LOCK_ORDER_CHECK
        detail::lock_order_register(this, std::move(name));
#else
        (void)name;
#endif
    }
    rlock(const rlock&) = delete;
    rlock& operator=(const rlock&) = delete;
    rlock(rlock&&) = delete;
    rlock& operator=(rlock&&) = delete;
    ~rlock() {
        assert(!mutex_.locked() && "weft::rlock destroyed while held");
#ifdef WEFT_LOCK_ORDER_CHECK
        detail::lock_order_forget(this);
#endif
    }

    /// Python's acquire(blocking=True, timeout=-1): returns whether the lock
    /// is now held by this thread (at once if it already was).
    bool acquire(bool blocking = true, std::optional<seconds> timeout = std::nullopt)
        WEFT_TRY_ACQUIRE(true);

    /// Releases one level. Throws weft::runtime_error unless this thread owns it.
    void release() WEFT_RELEASE();

    /// Whether the calling thread owns the lock.
    [[nodiscard]] bool is_owned() const noexcept {
        return owner_.load(std::memory_order_relaxed) == detail::this_thread_key();
    }
    /// Whether any thread holds it (a snapshot).
    [[nodiscard]] bool locked() const noexcept { return mutex_.locked(); }

    void lock() WEFT_ACQUIRE() { acquire(); }
    [[nodiscard]] bool try_lock() WEFT_TRY_ACQUIRE(true) { return acquire(false); }
    void unlock() noexcept WEFT_RELEASE() { release(); }
    template <class Rep, class Period>
    [[nodiscard]] bool try_lock_for(const std::chrono::duration<Rep, Period>& d)
        WEFT_TRY_ACQUIRE(true) {
        return acquire(true, std::chrono::duration_cast<seconds>(d));
    }

    // Used by weft::condition: drop every level at once and restore them.
    struct saved_state {
        std::uint64_t owner;
        std::uint32_t count;
    };
    saved_state release_save();
    void acquire_restore(saved_state state);

private:
    detail::futex_mutex mutex_;
    std::atomic<std::uint64_t> owner_{0};  // written only by the owner
    std::uint32_t count_ = 0;              // touched only by the owner
};

}  // namespace weft
