#pragma once
// weft::event — Python's threading.Event: a flag threads can wait for.
//
// Thread safety: all members may be called concurrently on one object.
// Memory ordering: set() synchronises-with every wait()/is_set() that
//   observes the flag set.
// Lifetime: destroy it only when no thread waits on it.
// Blocking: wait() blocks the calling thread until the flag is set or the
//   timeout passes; set() wakes every waiter.

#include <weft/chrono.hpp>

#include <atomic>
#include <cstdint>
#include <optional>

namespace weft {

class event {
public:
    event() = default;
    event(const event&) = delete;
    event& operator=(const event&) = delete;
    event(event&&) = delete;
    event& operator=(event&&) = delete;
    ~event() = default;

    [[nodiscard]] bool is_set() const noexcept {
        return flag_.load(std::memory_order_acquire) != 0;
    }
    /// Sets the flag and wakes all waiters.
    void set() noexcept;
    /// Resets the flag; later wait() calls block again.
    void clear() noexcept { flag_.store(0, std::memory_order_relaxed); }
    /// Returns the flag on exit: true once set, false when the timeout passed.
    bool wait(std::optional<seconds> timeout = std::nullopt) const;

private:
    mutable std::atomic<std::uint32_t> flag_{0};
    mutable std::atomic<std::uint32_t> waiters_{0};
};

}  // namespace weft
