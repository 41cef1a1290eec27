#pragma once
// Lock-order checking: the deadlock detector weft adds beyond Python.
//
// When the build option WEFT_LOCK_ORDER_CHECK is on (the `dev` preset turns it
// on), every weft::lock and weft::rlock records which locks a thread already
// holds when it blocks on another one. The first time two locks are taken in
// opposite orders — thread 1 takes A then B, thread 2 takes B then A, the
// notes' func_a/func_b — weft reports the potential deadlock, naming both
// locks and both threads, even if the two threads never actually collided.
// With the option off, none of this code runs and locks cost what they cost.
//
// Thread safety: all functions here may be called from any thread.

#include <functional>
#include <string>

namespace weft {

#ifdef WEFT_LOCK_ORDER_CHECK
inline constexpr bool lock_order_check_enabled = true;
#else
inline constexpr bool lock_order_check_enabled = false;
#endif

/// One inverted pair of locks, as reported.
struct lock_order_violation {
    std::string held_lock;       ///< the lock this thread already held
    std::string acquiring_lock;  ///< the lock it was about to wait for
    std::string thread;          ///< the thread taking them in this order
    std::string other_thread;    ///< the thread that took them in the other order
    std::string message;         ///< all of the above in one readable paragraph
};

using lock_order_handler = std::function<void(const lock_order_violation&)>;

/// Installs the function called on each violation and returns the previous
/// one; an empty function restores the default, which prints `message` to
/// stderr. The handler runs in the thread about to acquire, before it blocks;
/// it may throw, and the exception then leaves acquire() with no lock taken.
lock_order_handler set_lock_order_handler(lock_order_handler handler);

namespace detail {
// Hooks called by lock and rlock when WEFT_LOCK_ORDER_CHECK is defined.
void lock_order_register(const void* lock, std::string name);
void lock_order_before_blocking(const void* lock);
void lock_order_acquired(const void* lock);
void lock_order_released(const void* lock);
void lock_order_forget(const void* lock) noexcept;
}  // namespace detail

}  // namespace weft
