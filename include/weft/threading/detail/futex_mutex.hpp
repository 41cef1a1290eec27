#pragma once
// Internal: the raw non-recursive, unowned mutex behind weft::lock, rlock and
// the queues — three states on one futex word (Drepper, "Futexes are tricky"):
// 0 free, 1 locked, 2 locked with possible sleepers. It spins briefly before
// it parks, and release makes a system call only when someone may sleep.
//
// Memory ordering: a successful acquire synchronises-with the release that
// freed it (acquire/release on the word), as std::mutex.

#include <weft/threading/detail/futex.hpp>

#include <atomic>
#include <cstdint>

namespace weft::detail {

class futex_mutex {
public:
    futex_mutex() = default;
    futex_mutex(const futex_mutex&) = delete;
    futex_mutex& operator=(const futex_mutex&) = delete;

    bool try_lock() noexcept {
        std::uint32_t expected = 0;
        return word_.compare_exchange_strong(expected, 1, std::memory_order_acquire,
                                             std::memory_order_relaxed);
    }

    void lock() noexcept {
        if (!try_lock()) (void)lock_slow(deadline::never());
    }

    /// False when the deadline passed first.
    bool lock_until(const deadline& until) noexcept {
        return try_lock() || (!until.immediate() && lock_slow(until));
    }

    /// Returns the previous state: 0 means the mutex was not locked.
    std::uint32_t unlock() noexcept {
        const std::uint32_t previous = word_.exchange(0, std::memory_order_release);
        if (previous == 2) futex_wake(word_, 1);
        return previous;
    }

    [[nodiscard]] bool locked() const noexcept {
        return word_.load(std::memory_order_relaxed) != 0;
    }

private:
    bool lock_slow(const deadline& until) noexcept;

    std::atomic<std::uint32_t> word_{0};
};

}  // namespace weft::detail
