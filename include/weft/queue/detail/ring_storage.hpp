#pragma once
// Internal: the bounded FIFO behind weft::queue<T>(maxsize > 0) — a lock-free
// multi-producer multi-consumer ring (Vyukov's bounded queue): every cell
// carries a sequence number that says whether it is free for the producer of
// position `pos` (seq == pos) or full for its consumer (seq == pos + 1).
// A put or a get is one CAS to claim a position plus one store to publish
// the cell; producers and consumers touch different counters, so one
// producer and one consumer share only the cells they hand over.
//
// Publishing is a release store; the waitlist's asymmetric fences provide the
// store-load order between "made the change" and "looked for sleepers", so
// the hot path carries no full barrier. Each cell has a cache line of its
// own: neighbouring cells are written by the producer and the consumer at the
// same moment, and sharing a line would make them fight over it.
// Requires T to be nothrow-move-constructible: once a position is claimed the
// cell must be filled, so nothing after the claim may throw.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <type_traits>
#include <utility>

namespace weft::detail {

template <class T>
class ring_storage {
public:
    explicit ring_storage(std::size_t capacity)
        : cap_(capacity), pow2_((capacity & (capacity - 1)) == 0), mask_(capacity - 1) {
        cells_ = static_cast<cell*>(
            ::operator new (cap_ * sizeof(cell), std::align_val_t{alignof(cell)}));
        for (std::size_t i = 0; i < cap_; ++i) ::new (&cells_[i]) cell(i);
    }
    ring_storage(const ring_storage&) = delete;
    ring_storage& operator=(const ring_storage&) = delete;
    ~ring_storage() {
        for (std::size_t pos = head_.load(); pos != tail_.load(); ++pos)
            cells_[index(pos)].item()->~T();
        for (std::size_t i = 0; i < cap_; ++i) cells_[i].~cell();
        ::operator delete (cells_, cap_ * sizeof(cell), std::align_val_t{alignof(cell)});
    }

    template <class U>
    bool try_push(U&& item) {
        if constexpr (std::is_same_v<std::remove_cvref_t<U>, T> && !std::is_lvalue_reference_v<U>) {
            return push_moved(item);
        } else {
            T copy(std::forward<U>(item));  // may throw: nothing is claimed yet
            return push_moved(copy);
        }
    }

    bool try_pop(std::optional<T>& out) noexcept {
        std::size_t pos = head_.load(std::memory_order_relaxed);
        cell* c = nullptr;
        for (;;) {
            c = &cells_[index(pos)];
            const auto seq = c->seq.load(std::memory_order_acquire);
            const auto dif = static_cast<std::intptr_t>(seq) - static_cast<std::intptr_t>(pos + 1);
            if (dif == 0) {
                if (head_.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) break;
            } else if (dif < 0) {
                return false;  // empty
            } else {
                pos = head_.load(std::memory_order_relaxed);
            }
        }
        T* p = c->item();
        out.emplace(std::move(*p));
        p->~T();
        c->seq.store(pos + cap_, std::memory_order_release);
        return true;
    }

    // Cheap hints for spinning waiters: they read only the counter of their
    // own side and the one cell the other side will hand over, never the
    // other side's counter, so a spinner does not slow the thread it waits for.
    [[nodiscard]] bool can_pop() const noexcept {
        const std::size_t pos = head_.load(std::memory_order_relaxed);
        return cells_[index(pos)].seq.load(std::memory_order_relaxed) == pos + 1;
    }
    [[nodiscard]] bool can_push() const noexcept {
        const std::size_t pos = tail_.load(std::memory_order_relaxed);
        return cells_[index(pos)].seq.load(std::memory_order_relaxed) == pos;
    }

    [[nodiscard]] std::size_t size() const noexcept {
        const std::size_t h = head_.load(std::memory_order_relaxed);
        const std::size_t t = tail_.load(std::memory_order_relaxed);
        return t > h ? (t - h < cap_ ? t - h : cap_) : 0;
    }
    /// Items ever pushed (claimed positions).
    [[nodiscard]] std::size_t pushed() const noexcept {
        return tail_.load(std::memory_order_seq_cst);
    }

private:
    struct alignas(64) cell {
        explicit cell(std::size_t s) : seq(s) {}
        T* item() noexcept { return std::launder(reinterpret_cast<T*>(&storage)); }
        std::atomic<std::size_t> seq;
        alignas(T) unsigned char storage[sizeof(T)];
    };

    std::size_t index(std::size_t pos) const noexcept { return pow2_ ? (pos & mask_) : pos % cap_; }

    bool push_moved(T& item) noexcept {
        static_assert(std::is_nothrow_move_constructible_v<T>);
        std::size_t pos = tail_.load(std::memory_order_relaxed);
        cell* c = nullptr;
        for (;;) {
            c = &cells_[index(pos)];
            const auto seq = c->seq.load(std::memory_order_acquire);
            const auto dif = static_cast<std::intptr_t>(seq) - static_cast<std::intptr_t>(pos);
            if (dif == 0) {
                if (tail_.compare_exchange_weak(pos, pos + 1, std::memory_order_relaxed)) break;
            } else if (dif < 0) {
                return false;  // full: the consumer of the previous lap is not done
            } else {
                pos = tail_.load(std::memory_order_relaxed);
            }
        }
        ::new (static_cast<void*>(&c->storage)) T(std::move(item));
        c->seq.store(pos + 1, std::memory_order_release);
        return true;
    }

    cell* cells_ = nullptr;
    const std::size_t cap_;
    const bool pow2_;
    const std::size_t mask_;
    alignas(64) std::atomic<std::size_t> tail_{0};
    alignas(64) std::atomic<std::size_t> head_{0};
};

}  // namespace weft::detail
