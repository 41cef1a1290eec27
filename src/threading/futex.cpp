#include <weft/errors.hpp>
#include <weft/threading/detail/deadline.hpp>
#include <weft/threading/detail/fence.hpp>
#include <weft/threading/detail/futex.hpp>
#include <weft/threading/detail/futex_mutex.hpp>

#include <linux/futex.h>
#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <ctime>
#include <sched.h>

namespace weft::detail {

deadline deadline::after(std::optional<seconds> timeout) {
    if (!timeout) return never();
    const double s = timeout->count();
    if (std::isnan(s) || s < 0) throw value_error("timeout must be a non-negative number");
    if (s > 1e9) return never();
    deadline d = at(clock::now() + std::chrono::duration_cast<clock::duration>(*timeout));
    d.immediate_ = s == 0;
    return d;
}

bool futex_wait(std::atomic<std::uint32_t>& word, std::uint32_t expected,
                const deadline& until) noexcept {
    auto* addr = reinterpret_cast<std::uint32_t*>(&word);
    if (until.infinite()) {
        syscall(SYS_futex, addr, FUTEX_WAIT_PRIVATE, expected, nullptr, nullptr, 0);
        return true;
    }
    // FUTEX_WAIT_BITSET takes an absolute CLOCK_MONOTONIC time, which is what
    // std::chrono::steady_clock reads on Linux.
    const auto ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(until.when().time_since_epoch())
            .count();
    if (ns <= 0) return false;
    timespec ts{static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)};
    const long rc = syscall(SYS_futex, addr, FUTEX_WAIT_BITSET_PRIVATE, expected, &ts, nullptr,
                            FUTEX_BITSET_MATCH_ANY);
    return !(rc == -1 && errno == ETIMEDOUT);
}

void spin_wait::yield_now() noexcept { sched_yield(); }

std::atomic<int> asymmetric_fence_mode{static_cast<int>(fence_mode::unknown)};

namespace {
// Registers the process for expedited membarrier once; the mode only ever
// moves from unknown to membarrier or to full, so a light fence that saw
// "membarrier" is always paired with a real membarrier.
bool membarrier_ready() noexcept {
    static const bool ready = [] {
        const bool ok =
            syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0;
        asymmetric_fence_mode.store(
            static_cast<int>(ok ? fence_mode::membarrier : fence_mode::full),
            std::memory_order_seq_cst);
        return ok;
    }();
    return ready;
}
// Decide at start-up, so the hot side sees its mode before any thread parks.
[[maybe_unused]] const bool membarrier_decided = membarrier_ready();
}  // namespace

void heavy_fence() noexcept {
    if (membarrier_ready() && syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0) == 0)
        return;
    full_fence();
}

int futex_wake(std::atomic<std::uint32_t>& word, int count) noexcept {
    auto* addr = reinterpret_cast<std::uint32_t*>(&word);
    const long rc = syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, count, nullptr, nullptr, 0);
    return rc < 0 ? 0 : static_cast<int>(rc);
}

bool futex_mutex::lock_slow(const deadline& until) noexcept {
    // Try a while first: the holder is likely to release soon, and that costs
    // far less than parking and being woken across cores.
    for (spin_wait spin(until); spin.next();)
        if (word_.load(std::memory_order_relaxed) == 0 && try_lock()) return true;
    // Mark "locked with sleepers" and park; whoever unlocks sees the 2 and wakes.
    std::uint32_t state = word_.exchange(2, std::memory_order_acquire);
    while (state != 0) {
        if (!futex_wait(word_, 2, until)) {
            // Timed out; one last try so a release in the same instant is not lost.
            state = word_.exchange(2, std::memory_order_acquire);
            if (state == 0) return true;
            return false;
        }
        state = word_.exchange(2, std::memory_order_acquire);
    }
    return true;
}

}  // namespace weft::detail
