#pragma once
// Internal: an event count — lets threads park until "something changed"
// without a lock, and lets the notifier skip the system call when nobody is
// parked. The protocol (seq_cst on every step) makes lost wake-ups impossible:
//
//   waiter:   t = prepare(); if (condition holds) { cancel(); ... }
//             else { wait(t, deadline); cancel(); re-check }
//   notifier: change the state with a seq_cst RMW; notify_one()/notify_all()
//
// If the notifier sees no waiter, the waiter's prepare() came later in the
// total order, so its re-check sees the new state.

#include <weft/threading/detail/futex.hpp>

#include <atomic>
#include <cstdint>

namespace weft::detail {

class waitlist {
public:
    [[nodiscard]] std::uint32_t prepare() noexcept {
        waiters_.fetch_add(1, std::memory_order_seq_cst);
        return seq_.load(std::memory_order_seq_cst);
    }
    void cancel() noexcept { waiters_.fetch_sub(1, std::memory_order_relaxed); }
    /// False when the deadline passed.
    bool wait(std::uint32_t ticket, const deadline& until) noexcept {
        return futex_wait(seq_, ticket, until);
    }
    void notify_one() noexcept {
        if (waiters_.load(std::memory_order_seq_cst) != 0) {
            seq_.fetch_add(1, std::memory_order_seq_cst);
            futex_wake(seq_, 1);
        }
    }
    void notify_all() noexcept {
        if (waiters_.load(std::memory_order_seq_cst) != 0) {
            seq_.fetch_add(1, std::memory_order_seq_cst);
            futex_wake_all(seq_);
        }
    }

private:
    std::atomic<std::uint32_t> seq_{0};
    std::atomic<std::uint32_t> waiters_{0};
};

}  // namespace weft::detail
