#include <weft/threading/detail/deadline.hpp>
#include <weft/threading/detail/futex.hpp>
#include <weft/threading/event.hpp>

namespace weft {

void event::set() noexcept {
    flag_.store(1, std::memory_order_seq_cst);
    if (waiters_.load(std::memory_order_seq_cst) != 0) detail::futex_wake_all(flag_);
}

bool event::wait(std::optional<seconds> timeout) const {
    if (is_set()) return true;
    const auto until = detail::deadline::after(timeout);
    if (until.immediate()) return false;
    for (detail::spin_wait spin(until); spin.next();)
        if (is_set()) return true;
    waiters_.fetch_add(1, std::memory_order_seq_cst);
    while (flag_.load(std::memory_order_seq_cst) == 0) {
        if (!detail::futex_wait(flag_, 0, until)) break;
    }
    waiters_.fetch_sub(1, std::memory_order_relaxed);
    return is_set();
}

}  // namespace weft
