#include <weft/threading/bounded_semaphore.hpp>
#include <weft/threading/detail/deadline.hpp>
#include <weft/threading/semaphore.hpp>

#include <limits>

namespace weft {

namespace {
std::uint32_t checked_initial(std::int64_t value) {
    if (value < 0) throw value_error("semaphore initial value must be >= 0");
    if (value > std::numeric_limits<std::int32_t>::max())
        throw value_error("semaphore initial value is too large");
    return static_cast<std::uint32_t>(value);
}
}  // namespace

semaphore::semaphore(std::int64_t value) : value_(checked_initial(value)) {}

bool semaphore::try_take() noexcept {
    std::uint32_t v = value_.load(std::memory_order_relaxed);
    while (v != 0) {
        if (value_.compare_exchange_weak(v, v - 1, std::memory_order_acquire,
                                         std::memory_order_relaxed))
            return true;
    }
    return false;
}

bool semaphore::acquire(bool blocking, std::optional<seconds> timeout) {
    if (try_take()) return true;
    if (!blocking) return false;
    const auto until = detail::deadline::after(timeout);
    if (until.immediate()) return false;
    for (detail::spin_wait spin(until); spin.next();)
        if (value_.load(std::memory_order_relaxed) != 0 && try_take()) return true;
    // Announce ourselves before the last check, so a release that runs
    // between that check and the park sees us and wakes us (seq_cst on both).
    waiters_.fetch_add(1, std::memory_order_seq_cst);
    bool ok = true;
    while (!try_take()) {
        if (!detail::futex_wait(value_, 0, until)) {
            ok = try_take();
            break;
        }
    }
    waiters_.fetch_sub(1, std::memory_order_relaxed);
    return ok;
}

void semaphore::wake(std::uint32_t n) noexcept {
    // Pairs with the seq_cst increment of waiters_ in acquire().
    if (waiters_.load(std::memory_order_seq_cst) != 0)
        detail::futex_wake(value_, static_cast<int>(n));
}

void semaphore::release(std::uint32_t n) {
    if (n == 0) throw value_error("release() count must be at least 1");
    value_.fetch_add(n, std::memory_order_seq_cst);
    wake(n);
}

bounded_semaphore::bounded_semaphore(std::int64_t value)
    : semaphore(value), initial_(static_cast<std::uint32_t>(value)) {}

void bounded_semaphore::release(std::uint32_t n) {
    if (n == 0) throw value_error("release() count must be at least 1");
    std::uint32_t v = value_.load(std::memory_order_relaxed);
    do {
        if (static_cast<std::uint64_t>(v) + n > initial_)
            throw value_error("semaphore released too many times");
    } while (!value_.compare_exchange_weak(v, v + n, std::memory_order_seq_cst,
                                           std::memory_order_relaxed));
    wake(n);
}

}  // namespace weft
