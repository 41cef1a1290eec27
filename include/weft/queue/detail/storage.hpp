#pragma once
// Internal: the containers behind weft's queues. Each does its own locking and
// keeps an atomic element count, updated with a seq_cst RMW after the element
// is in place (push) or gone (pop), so the blocking layer (basic_queue) can
// read sizes without a lock and pair them with its waitlists.
//
// fifo_storage uses two locks — one for the producers' end, one for the
// consumers' end — so one producer and one consumer never contend on a lock;
// they share only the count. lifo_storage and heap_storage use one lock.

#include <weft/threading/detail/futex_mutex.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <memory>
#include <new>
#include <optional>
#include <utility>
#include <vector>

namespace weft::detail {

template <class T>
class fifo_storage {
public:
    explicit fifo_storage(std::size_t maxsize) {
        std::size_t cap = 16;
        while (maxsize != 0 && cap < maxsize) cap *= 2;
        buf_ = allocate(cap);
        mask_ = cap - 1;
    }
    fifo_storage(const fifo_storage&) = delete;
    fifo_storage& operator=(const fifo_storage&) = delete;
    ~fifo_storage() {
        for (std::size_t i = head_; i != tail_; ++i) slot(i)->~T();
        deallocate(buf_, mask_ + 1);
    }

    template <class U>
    bool try_push(U&& item, std::size_t maxsize) {
        tail_mu_.lock();
        const std::size_t n = count_.load(std::memory_order_acquire);
        if (maxsize != 0 && n >= maxsize) {
            tail_mu_.unlock();
            return false;
        }
        try {
            if (n == mask_ + 1) grow();
            ::new (static_cast<void*>(slot(tail_))) T(std::forward<U>(item));
        } catch (...) {
            tail_mu_.unlock();
            throw;
        }
        ++tail_;
        count_.fetch_add(1, std::memory_order_seq_cst);
        tail_mu_.unlock();
        return true;
    }

    bool try_pop(std::optional<T>& out) {
        if (count_.load(std::memory_order_acquire) == 0) return false;
        head_mu_.lock();
        if (count_.load(std::memory_order_acquire) == 0) {
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

private:
    static T* allocate(std::size_t n) {
        return static_cast<T*>(::operator new (n * sizeof(T), std::align_val_t{alignof(T)}));
    }
    static void deallocate(T* p, std::size_t n) noexcept {
        ::operator delete (p, n * sizeof(T), std::align_val_t{alignof(T)});
    }
    T* slot(std::size_t i) const noexcept { return buf_ + (i & mask_); }

    // Unbounded queues only; called with tail_mu_ held, takes head_mu_ too
    // (always in that order).
    void grow() {
        head_mu_.lock();
        const std::size_t n = tail_ - head_;
        const std::size_t cap = (mask_ + 1) * 2;
        T* fresh = nullptr;
        try {
            fresh = allocate(cap);
        } catch (...) {
            head_mu_.unlock();
            throw;
        }
        for (std::size_t i = 0; i < n; ++i) {
            T* from = slot(head_ + i);
            ::new (static_cast<void*>(fresh + i)) T(std::move(*from));
            from->~T();
        }
        deallocate(buf_, mask_ + 1);
        buf_ = fresh;
        mask_ = cap - 1;
        head_ = 0;
        tail_ = n;
        head_mu_.unlock();
    }

    // The consumers' end and the producers' end sit on separate cache lines.
    alignas(64) futex_mutex head_mu_;
    std::size_t head_ = 0;  // guarded by head_mu_
    alignas(64) futex_mutex tail_mu_;
    std::size_t tail_ = 0;  // guarded by tail_mu_
    T* buf_ = nullptr;      // replaced only with both locks held
    std::size_t mask_ = 0;  // as buf_
    alignas(64) std::atomic<std::size_t> count_{0};
};

/// One lock around a std::vector used as a stack (Lifo) or a binary heap
/// whose top is the element that `Compare` orders first.
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
        count_.fetch_add(1, std::memory_order_seq_cst);
        mu_.unlock();
        return true;
    }

    bool try_pop(std::optional<T>& out) {
        if (count_.load(std::memory_order_acquire) == 0) return false;
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

private:
    // std heaps put the greatest element first; Python's heap the least.
    auto later() const {
        return [this](const T& a, const T& b) { return cmp_(b, a); };
    }

    futex_mutex mu_;
    std::vector<T> items_;  // guarded by mu_
    Compare cmp_;
    std::atomic<std::size_t> count_{0};
};

}  // namespace weft::detail
