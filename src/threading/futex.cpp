#include <weft/errors.hpp>
#include <weft/threading/detail/deadline.hpp>
#include <weft/threading/detail/futex.hpp>
#include <weft/threading/detail/futex_mutex.hpp>

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <ctime>

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

int futex_wake(std::atomic<std::uint32_t>& word, int count) noexcept {
    auto* addr = reinterpret_cast<std::uint32_t*>(&word);
    const long rc = syscall(SYS_futex, addr, FUTEX_WAKE_PRIVATE, count, nullptr, nullptr, 0);
    return rc < 0 ? 0 : static_cast<int>(rc);
}

bool futex_mutex::lock_slow(const deadline& until) noexcept {
    // Spin while the holder is likely to release soon: it costs far less than
    // parking and being woken across cores.
    for (int i = 0; i < spin_iterations; ++i) {
        if (word_.load(std::memory_order_relaxed) == 0 && try_lock()) return true;
        cpu_relax();
    }
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
