#pragma once
// Internal: asymmetric fences — the Dekker pattern between a hot side and a
// rare side, without a full barrier on the hot side.
//
// The queues' producer publishes an item and then looks for parked consumers;
// a consumer about to park registers and then looks for items. Each side's
// store must be ordered before its load (StoreLoad), or both can miss each
// other and the consumer sleeps beside an item. A full barrier on every put
// and get would cost more than the rest of the operation; instead the hot
// side uses light_fence() (a compiler barrier) and the parking side, which is
// about to make a system call anyway, uses heavy_fence(): Linux membarrier(2)
// (MEMBARRIER_CMD_PRIVATE_EXPEDITED), which runs a full barrier on every CPU
// running a thread of this process. Pairing rule: one side light, the other
// heavy, each between its own store and its own load. Where membarrier is
// unavailable both fences fall back to a full barrier.

#include <atomic>

namespace weft::detail {

enum class fence_mode : int { unknown = 0, membarrier = 1, full = 2 };
extern std::atomic<int> asymmetric_fence_mode;

inline void full_fence() noexcept {
    // A seq_cst RMW is a full barrier on every target and, unlike
    // atomic_thread_fence, is understood by ThreadSanitizer.
    std::atomic<int> scratch{0};
    scratch.exchange(1, std::memory_order_seq_cst);
}

inline void light_fence() noexcept {
    if (asymmetric_fence_mode.load(std::memory_order_relaxed) ==
        static_cast<int>(fence_mode::membarrier))
        std::atomic_signal_fence(std::memory_order_seq_cst);
    else
        full_fence();
}

/// The rare side; a system call when membarrier is available.
void heavy_fence() noexcept;

}  // namespace weft::detail
