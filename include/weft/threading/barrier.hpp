#pragma once
// weft::barrier — Python's threading.Barrier: `parties` threads wait until
// all of them have arrived, then all go on together; reusable.
//
// Thread safety: all members may be called concurrently on one object.
// Semantics: wait() returns a distinct index in [0, parties) to each thread of
//   a round. When the last party arrives, `action` (if any) runs in that thread
//   before anyone is released. The barrier breaks — every current and future
//   wait() throws weft::broken_barrier_error until reset() — when: a wait
//   times out (the default timeout is the constructor's), the action throws,
//   or abort() is called.
// Memory ordering: everything a party did before wait() is visible to every
//   party after its wait() returns.
// Lifetime: destroy it only when no thread waits on it.
// Blocking: wait() blocks the calling thread; cancelled by its timeout (which
//   breaks the barrier, as Python's) or by abort().

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/threading/condition.hpp>
#include <weft/threading/lock.hpp>

#include <cstddef>
#include <functional>
#include <optional>

namespace weft {

class barrier {
public:
    /// Throws weft::value_error when `parties` is zero.
    explicit barrier(std::size_t parties, std::function<void()> action = {},
                     std::optional<seconds> timeout = std::nullopt);
    barrier(const barrier&) = delete;
    barrier& operator=(const barrier&) = delete;
    barrier(barrier&&) = delete;
    barrier& operator=(barrier&&) = delete;
    ~barrier() = default;

    /// Arrives and waits for the round; `timeout` overrides the default.
    std::size_t wait(std::optional<seconds> timeout = std::nullopt);
    /// Returns the barrier to its empty state; threads waiting now get
    /// broken_barrier_error.
    void reset();
    /// Breaks the barrier: waiting and future wait() calls throw.
    void abort();

    [[nodiscard]] std::size_t parties() const noexcept { return parties_; }
    [[nodiscard]] std::size_t n_waiting();
    [[nodiscard]] bool broken();

private:
    enum class phase { filling, draining, resetting, broken };
    void enter();
    void release_round();
    void wait_round(std::optional<seconds> timeout);
    void leave();
    void break_locked();

    const std::size_t parties_;
    const std::function<void()> action_;
    const std::optional<seconds> timeout_;
    weft::lock mu_;
    condition cond_{mu_};
    phase phase_ = phase::filling;
    std::size_t count_ = 0;
};

}  // namespace weft
