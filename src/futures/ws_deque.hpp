#pragma once
// Private: a Chase-Lev work-stealing deque (Chase & Lev 2005; the C11 form of
// Lê, Pop, Cohen, Zappa Nardelli 2013). The owner pushes and pops at the
// bottom without a lock; thieves take from the top with one CAS. The paper's
// two seq_cst fences are expressed as seq_cst operations on `bottom_` and
// `top_` (same total order, and ThreadSanitizer understands them).
// Arrays grow by doubling; old arrays are kept until the deque dies, since a
// thief may still be reading one.

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace weft::detail {

template <class T>
class ws_deque {
public:
    explicit ws_deque(std::int64_t capacity = 256) {
        auto a = std::make_unique<ring>(capacity);
        array_.store(a.get(), std::memory_order_relaxed);
        arrays_.push_back(std::move(a));
    }
    ws_deque(const ws_deque&) = delete;
    ws_deque& operator=(const ws_deque&) = delete;

    /// Owner only.
    void push(T* item) {
        const std::int64_t b = bottom_.load(std::memory_order_relaxed);
        const std::int64_t t = top_.load(std::memory_order_acquire);
        ring* a = array_.load(std::memory_order_relaxed);
        if (b - t > a->capacity - 1) a = grow(a, t, b);
        a->put(b, item);
        bottom_.store(b + 1, std::memory_order_release);
    }

    /// Owner only: the newest item, or null.
    T* pop() noexcept {
        const std::int64_t b = bottom_.load(std::memory_order_relaxed) - 1;
        ring* a = array_.load(std::memory_order_relaxed);
        bottom_.exchange(b, std::memory_order_seq_cst);
        std::int64_t t = top_.load(std::memory_order_seq_cst);
        if (t > b) {
            bottom_.store(b + 1, std::memory_order_relaxed);
            return nullptr;
        }
        T* item = a->get(b);
        if (t == b) {
            // The last item: race the thieves for it.
            if (!top_.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst,
                                              std::memory_order_relaxed))
                item = nullptr;
            bottom_.store(b + 1, std::memory_order_relaxed);
        }
        return item;
    }

    /// Any thread: the oldest item, or null (empty, or lost a race).
    T* steal() noexcept {
        std::int64_t t = top_.load(std::memory_order_seq_cst);
        const std::int64_t b = bottom_.load(std::memory_order_seq_cst);
        if (t >= b) return nullptr;
        ring* a = array_.load(std::memory_order_acquire);
        T* item = a->get(t);
        if (!top_.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst,
                                          std::memory_order_relaxed))
            return nullptr;
        return item;
    }

    [[nodiscard]] bool maybe_empty() const noexcept {
        return bottom_.load(std::memory_order_relaxed) <= top_.load(std::memory_order_relaxed);
    }

private:
    struct ring {
        explicit ring(std::int64_t cap)
            : capacity(cap),
              mask(cap - 1),
              slots(new std::atomic<T*>[static_cast<std::size_t>(cap)]) {}
        T* get(std::int64_t i) const noexcept {
            return slots[static_cast<std::size_t>(i & mask)].load(std::memory_order_relaxed);
        }
        void put(std::int64_t i, T* v) noexcept {
            slots[static_cast<std::size_t>(i & mask)].store(v, std::memory_order_relaxed);
        }
        const std::int64_t capacity;
        const std::int64_t mask;
        std::unique_ptr<std::atomic<T*>[]> slots;
    };

    ring* grow(ring* old, std::int64_t t, std::int64_t b) {
        auto bigger = std::make_unique<ring>(old->capacity * 2);
        for (std::int64_t i = t; i < b; ++i) bigger->put(i, old->get(i));
        ring* raw = bigger.get();
        arrays_.push_back(std::move(bigger));  // owner only: no lock needed
        array_.store(raw, std::memory_order_release);
        return raw;
    }

    alignas(64) std::atomic<std::int64_t> top_{0};
    alignas(64) std::atomic<std::int64_t> bottom_{0};
    std::atomic<ring*> array_{nullptr};
    std::vector<std::unique_ptr<ring>> arrays_;  // owner only
};

}  // namespace weft::detail
