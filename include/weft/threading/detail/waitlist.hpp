#pragma once
// Internal: a FIFO list of parked threads — the one parking mechanism behind
// weft::condition and the queues' "not empty"/"not full"/"all done" waits.
//
// Each waiter brings a node on its own stack. notify_one() unlinks the oldest
// node and wakes it, so a second notify_one() wakes a second thread instead
// of waking the first one again: a producer that fills a queue while the
// consumer is still getting up makes one system call, not one per item.
// When nobody waits, notify is a single load.
//
// Protocol (no lost wake-ups):
//
//   waiter:   waitlist::node n; list.enqueue(n); heavy_fence();
//             if (condition holds) { list.dequeue(n); ... }           // re-check
//             else { list.wait(n, deadline); list.dequeue(n); loop }  // park
//   notifier: change the state; list.notify_one();  // light_fence() inside
//
// The fences (detail/fence.hpp) order each side's store before its load, so
// if the notifier sees no waiter, the waiter's re-check sees the new state.
// A waiter whose notifier changes the state under a lock the waiter also
// holds while it registers (weft::condition) needs no heavy fence. A woken waiter must always
// re-check (another thread may have taken what it was woken for) and try
// once more after a timeout before giving up, so no wake-up is wasted.

#include <weft/threading/detail/fence.hpp>
#include <weft/threading/detail/futex.hpp>
#include <weft/threading/detail/futex_mutex.hpp>

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace weft::detail {

class waitlist {
public:
    struct node {
        std::atomic<std::uint32_t> signalled{0};
        node* next = nullptr;
        node* prev = nullptr;
        bool linked = false;
    };

    waitlist() = default;
    waitlist(const waitlist&) = delete;
    waitlist& operator=(const waitlist&) = delete;

    void enqueue(node& n) noexcept {
        mu_.lock();
        n.signalled.store(0, std::memory_order_relaxed);
        n.prev = tail_;
        n.next = nullptr;
        (tail_ ? tail_->next : head_) = &n;
        tail_ = &n;
        n.linked = true;
        count_.fetch_add(1, std::memory_order_seq_cst);
        mu_.unlock();
    }

    /// Parks until notified or the deadline; returns whether it was notified.
    /// It parks at once: callers spin (spin_wait) before they register, so a
    /// notifier never pays a wake-up for a thread that is still spinning.
    bool wait(node& n, const deadline& until) noexcept {
        while (n.signalled.load(std::memory_order_acquire) == 0)
            if (!futex_wait(n.signalled, 0, until))
                return n.signalled.load(std::memory_order_acquire) != 0;
        return true;
    }

    /// Unregisters `n` if no notifier took it; returns whether one did. After
    /// it returns no notifier touches `n`, so the node may go away.
    bool dequeue(node& n) noexcept {
        mu_.lock();
        const bool was_linked = n.linked;
        if (was_linked) unlink(n);
        mu_.unlock();
        return !was_linked;
    }

    void notify_one() noexcept { notify(1); }
    void notify_all() noexcept { notify(static_cast<std::size_t>(-1)); }

    /// Wakes up to `k` waiters, oldest first.
    void notify(std::size_t k) noexcept {
        light_fence();
        if (count_.load(std::memory_order_relaxed) == 0) return;
        mu_.lock();
        while (k-- > 0 && head_ != nullptr) {
            node& n = *head_;
            unlink(n);
            n.signalled.store(1, std::memory_order_release);
            futex_wake(n.signalled, 1);  // under mu_: `n` cannot vanish meanwhile
        }
        mu_.unlock();
    }

    /// RAII registration: enqueue on construction, dequeue on destruction.
    class registration {
    public:
        explicit registration(waitlist& list) noexcept : list_(list) { list_.enqueue(node_); }
        registration(const registration&) = delete;
        registration& operator=(const registration&) = delete;
        ~registration() { list_.dequeue(node_); }
        bool wait(const deadline& until) noexcept { return list_.wait(node_, until); }

    private:
        waitlist& list_;
        node node_;
    };

    /// Runs `attempt` until it returns true, parking on this list between
    /// tries; returns false when the deadline passed and one last attempt
    /// failed. Exceptions from `attempt` propagate (the waiter unregistered).
    /// Pairs with notifiers that change the state without a lock.
    template <class Attempt>
    bool park_until(const deadline& until, Attempt&& attempt) {
        for (;;) {
            bool in_time = false;
            {
                registration r(*this);
                heavy_fence();
                if (attempt()) return true;
                in_time = r.wait(until);
            }
            if (!in_time) return attempt();
        }
    }

    [[nodiscard]] bool has_waiters() const noexcept {
        return count_.load(std::memory_order_seq_cst) != 0;
    }

private:
    void unlink(node& n) noexcept {
        (n.prev ? n.prev->next : head_) = n.next;
        (n.next ? n.next->prev : tail_) = n.prev;
        n.next = n.prev = nullptr;
        n.linked = false;
        count_.fetch_sub(1, std::memory_order_seq_cst);
    }

    std::atomic<std::size_t> count_{0};  // first: the only field notify() reads
    futex_mutex mu_;
    node* head_ = nullptr;  // guarded by mu_
    node* tail_ = nullptr;  // guarded by mu_
};

}  // namespace weft::detail
