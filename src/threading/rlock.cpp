#include <weft/threading/rlock.hpp>

#include <atomic>

namespace weft {

namespace detail {
std::uint64_t this_thread_key() noexcept {
    static std::atomic<std::uint64_t> next{1};
    thread_local const std::uint64_t key = next.fetch_add(1, std::memory_order_relaxed);
    return key;
}
}  // namespace detail

bool rlock::acquire(bool blocking, std::optional<seconds> timeout) {
    const auto me = detail::this_thread_key();
    // Only the owner can have stored its own key, so a relaxed read suffices.
    if (owner_.load(std::memory_order_relaxed) == me) {
        ++count_;
        return true;
    }
#ifdef WEFT_LOCK_ORDER_CHECK
    if (blocking) detail::lock_order_before_blocking(this);
#endif
    if (!mutex_.try_lock()) {
        if (!blocking) return false;
        const auto until = detail::deadline::after(timeout);
        if (until.immediate() || !mutex_.lock_until(until)) return false;
    }
    owner_.store(me, std::memory_order_relaxed);
    count_ = 1;
#ifdef WEFT_LOCK_ORDER_CHECK
    detail::lock_order_acquired(this);
#endif
    return true;
}

void rlock::release() {
    if (owner_.load(std::memory_order_relaxed) != detail::this_thread_key())
        throw runtime_error("cannot release un-acquired lock");
    if (--count_ > 0) return;
    owner_.store(0, std::memory_order_relaxed);
#ifdef WEFT_LOCK_ORDER_CHECK
    detail::lock_order_released(this);
#endif
    mutex_.unlock();
}

rlock::saved_state rlock::release_save() {
    if (!is_owned()) throw runtime_error("cannot release un-acquired lock");
    saved_state s{owner_.load(std::memory_order_relaxed), count_};
    count_ = 1;
    release();
    return s;
}

void rlock::acquire_restore(saved_state state) {
    acquire();
    count_ = state.count;
}

}  // namespace weft
