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

/// How weft waits before it parks a thread: a short burst of pause
/// instructions (catches a release already in flight on the other core), then
/// sched_yield() rounds (hands the core to a runnable thread — on a busy or
/// pinned core that is usually the very thread we wait for), then the caller
/// parks on a futex. On a 2-vCPU VM a futex wake-up across cores costs tens of
/// microseconds, so these few microseconds of trying first pay for themselves;
/// an idle waiter still parks quickly and burns no CPU.
class spin_wait {
public:
    /// The default suits waiting for another thread's progress (a queue
    /// item, an event); a mutex passes fewer rounds (see futex_mutex).
    explicit spin_wait(int pause_rounds = 16, int yield_rounds = 64) noexcept
        : pause_rounds_(pause_rounds), yield_rounds_(yield_rounds) {}
    /// Stops early at `until`: a timed wait never spins past its deadline
    /// (on a loaded machine a single sched_yield can take milliseconds), and a
    /// zero timeout does not spin at all. `until` must outlive the spin_wait.
    explicit spin_wait(const deadline& until, int pause_rounds = 16, int yield_rounds = 64) noexcept
        : pause_rounds_(until.immediate() ? 0 : pause_rounds),
          yield_rounds_(until.immediate() ? 0 : yield_rounds),
          until_(&until) {}

    /// One step of waiting; false once the caller should park. Pauses grow
    /// exponentially (1, 2, 4 … 32 per step), so a spinner rereads a contended
    /// word less and less often and lets the owner of its cache line work.
    bool next() noexcept {
        if (round_ < pause_rounds_) {
            for (int i = 0, n = 1 << (round_ < 5 ? round_ : 5); i < n; ++i) cpu_relax();
        } else if (round_ < pause_rounds_ + yield_rounds_) {
            if (until_ != nullptr && until_->expired()) return false;
            yield_now();
        } else {
            return false;
        }
        ++round_;
        return true;
    }

private:
    static void yield_now() noexcept;
    int pause_rounds_;
    int yield_rounds_;
    const deadline* until_ = nullptr;
    int round_ = 0;
};

}  // namespace weft::detail
