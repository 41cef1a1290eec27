#pragma once
// Internal: the lock-based containers behind weft's queues, for what the
// lock-free ring cannot do: grow without bound, reorder (LIFO, heap), or hold
// items whose move may throw. Each keeps an atomic element count, changed by
// a seq_cst RMW once the element is in place or gone (the full barrier the
// waitlist protocol needs), and a count of items ever pushed.
//
// locked_fifo uses two locks — producers' end and consumers' end — so one
// producer and one consumer never wait on the same lock.

#include <weft/threading/detail/futex_mutex.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <new>
#include <optional>
#include <utility>
#include <vector>

namespace weft::detail {

template <class T>
class locked_fifo {
public:
    explicit locked_fifo(std::size_t maxsize) {
        std::size_t cap = 16;
        while (maxsize != 0 && cap < maxsize) cap *= 2;
        buf_ = allocate(cap);
        mask_ = cap - 1;
    }
    locked_fifo(const locked_fifo&) = delete;
    locked_fifo& operator=(const locked_fifo&) = delete;
    ~locked_fifo() {
        for (std::size_t i = head_, end = tail_.load(); i != end; ++i) slot(i)->~T();
        deallocate(buf_, mask_ + 1);
    }

    template <class U>
    bool try_push(U&& item, std::size_t maxsize) {
        tail_mu_.lock();
        const std::size_t n = count_.load(std::memory_order_seq_cst);
        if (maxsize != 0 && n >= maxsize) {
            tail_mu_.unlock();
            return false;
        }
        const std::size_t tail = tail_.load(std::memory_order_relaxed);
        try {
            if (n == mask_ + 1) grow(tail);
            ::new (static_cast<void*>(slot(tail))) T(std::forward<U>(item));
        } catch (...) {
            tail_mu_.unlock();
            throw;
        }
        tail_.store(tail + 1, std::memory_order_relaxed);
        count_.fetch_add(1, std::memory_order_seq_cst);
        tail_mu_.unlock();
        return true;
    }

    bool try_pop(std::optional<T>& out) {
        if (count_.load(std::memory_order_seq_cst) == 0) return false;
        head_mu_.lock();
        if (count_.load(std::memory_order_seq_cst) == 0) {
            head_mu_.unlock();
            return false;
        }
        T* p = slot(head_);
        try {
            out.emplace(std::move(*p));
        } catch (...) {
            head_mu_.unlock();
            throw;
        }
        p->~T();
        ++head_;
        count_.fetch_sub(1, std::memory_order_seq_cst);
        head_mu_.unlock();
        return true;
    }

    [[nodiscard]] std::size_t size() const noexcept {
        return count_.load(std::memory_order_relaxed);
    }
    [[nodiscard]] std::size_t pushed() const noexcept {
        return tail_.load(std::memory_order_seq_cst);
    }
    [[nodiscard]] bool can_pop() const noexcept { return size() != 0; }
    [[nodiscard]] bool can_push(std::size_t maxsize) const noexcept {
        return maxsize == 0 || size() < maxsize;
    }

private:
    static T* allocate(std::size_t n) {
        return static_cast<T*>(::operator new (n * sizeof(T), std::align_val_t{alignof(T)}));
    }
    static void deallocate(T* p, std::size_t n) noexcept {
        ::operator delete (p, n * sizeof(T), std::align_val_t{alignof(T)});
    }
    T* slot(std::size_t i) const noexcept { return buf_ + (i & mask_); }

    // Unbounded only: doubles the buffer. Called with tail_mu_ held; takes
    // head_mu_ too (always in that order) so no consumer reads meanwhile.
    void grow(std::size_t tail) {
        head_mu_.lock();
        const std::size_t cap = (mask_ + 1) * 2;
        T* fresh = nullptr;
        try {
            fresh = allocate(cap);
        } catch (...) {
            head_mu_.unlock();
            throw;
        }
        // Positions keep counting up; only their place in the buffer moves.
        for (std::size_t i = head_; i != tail; ++i) {
            T* from = slot(i);
            ::new (static_cast<void*>(fresh + (i & (cap - 1)))) T(std::move(*from));
            from->~T();
        }
        deallocate(buf_, mask_ + 1);
        buf_ = fresh;
        mask_ = cap - 1;
        head_mu_.unlock();
    }

    alignas(64) futex_mutex head_mu_;
    std::size_t head_ = 0;  // guarded by head_mu_
    alignas(64) futex_mutex tail_mu_;
    std::atomic<std::size_t> tail_{0};  // written under tail_mu_; read anywhere
    T* buf_ = nullptr;                  // replaced only with both locks held
    std::size_t mask_ = 0;              // as buf_
    alignas(64) std::atomic<std::size_t> count_{0};
};

/// One lock around a std::vector used as a stack (Heap = false) or as a
/// binary heap whose top is the element that `Compare` orders first.
template <class T, class Compare, bool Heap>
class vector_storage {
public:
    explicit vector_storage(std::size_t /*maxsize*/, Compare cmp = Compare())
        : cmp_(std::move(cmp)) {}

    template <class U>
    bool try_push(U&& item, std::size_t maxsize) {
        mu_.lock();
        if (maxsize != 0 && items_.size() >= maxsize) {
            mu_.unlock();
            return false;
        }
        try {
            items_.emplace_back(std::forward<U>(item));
            if constexpr (Heap) std::push_heap(items_.begin(), items_.end(), later());
        } catch (...) {
            mu_.unlock();
            throw;
        }
        pushed_.store(pushed_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
        count_.fetch_add(1, std::memory_order_seq_cst);
        mu_.unlock();
        return true;
    }

    bool try_pop(std::optional<T>& out) {
        if (count_.load(std::memory_order_seq_cst) == 0) return false;
        mu_.lock();
        if (items_.empty()) {
            mu_.unlock();
            return false;
        }
        try {
            if constexpr (Heap) std::pop_heap(items_.begin(), items_.end(), later());
            out.emplace(std::move(items_.back()));
        } catch (...) {
            mu_.unlock();
            throw;
        }
        items_.pop_back();
        count_.fetch_sub(1, std::memory_order_seq_cst);
        mu_.unlock();
        return true;
    }

    [[nodiscard]] std::size_t size() const noexcept {
        return count_.load(std::memory_order_relaxed);
    }
    [[nodiscard]] std::size_t pushed() const noexcept {
        return pushed_.load(std::memory_order_seq_cst);
    }
    [[nodiscard]] bool can_pop() const noexcept { return size() != 0; }
    [[nodiscard]] bool can_push(std::size_t maxsize) const noexcept {
        return maxsize == 0 || size() < maxsize;
    }

private:
    // std's heap algorithms keep the greatest element first; Python's heap
    // the least: compare the other way round.
    auto later() const {
        return [this](const T& a, const T& b) { return cmp_(b, a); };
    }

    futex_mutex mu_;
    std::vector<T> items_;  // guarded by mu_
    Compare cmp_;
    std::atomic<std::size_t> count_{0};
    std::atomic<std::size_t> pushed_{0};  // written under mu_
};

}  // namespace weft::detail
