#pragma once
// Internal: the parking primitive every weft synchronisation object is built
// on — Linux futexes on a 32-bit atomic word, private to the process.
//
// futex_wait blocks the calling thread while `*word == expected`, until a
// futex_wake on the same word, a spurious wake-up, or the deadline. Callers
// always re-check their condition in a loop.

#include <weft/threading/detail/deadline.hpp>

#include <atomic>
#include <cstdint>

namespace weft::detail {

/// Returns false only when the deadline passed; true on a wake-up, a value
/// mismatch or a spurious return.
bool futex_wait(std::atomic<std::uint32_t>& word, std::uint32_t expected,
                const deadline& until) noexcept;

/// Wakes up to `count` threads parked on `word`; returns how many it woke.
int futex_wake(std::atomic<std::uint32_t>& word, int count) noexcept;

inline void futex_wake_all(std::atomic<std::uint32_t>& word) noexcept {
    futex_wake(word, 0x7fffffff);
}

/// One pause of a spin loop: tells the core (and a hypervisor) we are spinning.
inline void cpu_relax() noexcept {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield" ::: "memory");
#endif
}

/// How long weft spins before it parks a thread. On a 2-vCPU VM waking a
/// parked thread on the other core costs tens of microseconds, so a short spin
/// that catches a release in flight pays for itself; spinning longer only
/// steals the core from the thread we wait for.
inline constexpr int spin_iterations = 200;

}  // namespace weft::detail
