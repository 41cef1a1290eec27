#pragma once
// Internal: the blocking, task-tracking and shut-down logic shared by queue,
// lifo_queue and priority_queue; the order of items is the Storage's business.
// The public headers (weft/queue/*.hpp) state the contract.

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/threading/detail/deadline.hpp>
#include <weft/threading/detail/futex.hpp>
#include <weft/threading/detail/waitlist.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <optional>
#include <utility>

namespace weft::detail {

template <class T, class Storage>
class basic_queue {
public:
    using value_type = T;

    template <class... StorageArgs>
    explicit basic_queue(std::size_t maxsize, StorageArgs&&... args)
        : maxsize_(maxsize), storage_(maxsize, std::forward<StorageArgs>(args)...) {}
    basic_queue(const basic_queue&) = delete;
    basic_queue& operator=(const basic_queue&) = delete;
    basic_queue(basic_queue&&) = delete;
    basic_queue& operator=(basic_queue&&) = delete;
    ~basic_queue() = default;

    void put(const T& item, bool block = true, std::optional<seconds> timeout = std::nullopt) {
        put_impl(item, block, timeout);
    }
    void put(T&& item, bool block = true, std::optional<seconds> timeout = std::nullopt) {
        put_impl(std::move(item), block, timeout);
    }
    void put_nowait(const T& item) { put_impl(item, false, std::nullopt); }
    void put_nowait(T&& item) { put_impl(std::move(item), false, std::nullopt); }

    [[nodiscard]] T get(bool block = true, std::optional<seconds> timeout = std::nullopt) {
        std::optional<T> out;
        get_impl(out, block, timeout, true);
        return std::move(*out);
    }
    [[nodiscard]] T get_nowait() { return get(false); }
    /// get() that reports a timeout (or an empty queue when `timeout` is zero)
    /// by an empty optional instead of weft::empty; still throws shut_down.
    [[nodiscard]] std::optional<T> try_get(std::optional<seconds> timeout = seconds{0}) {
        std::optional<T> out;
        get_impl(out, true, timeout, false);
        return out;
    }

    [[nodiscard]] std::size_t qsize() const noexcept { return storage_.size(); }
    [[nodiscard]] bool empty() const noexcept { return storage_.size() == 0; }
    [[nodiscard]] bool full() const noexcept {
        return maxsize_ != 0 && storage_.size() >= maxsize_;
    }
    [[nodiscard]] std::size_t maxsize() const noexcept { return maxsize_; }

    void task_done() {
        std::size_t done = done_.load(std::memory_order_relaxed);
        do {
            if (done >= storage_.pushed()) throw value_error("task_done() called too many times");
        } while (!done_.compare_exchange_weak(done, done + 1, std::memory_order_seq_cst,
                                              std::memory_order_relaxed));
        if (done + 1 == storage_.pushed()) all_done_.notify_all();
    }

    /// Returns true once every item put has been matched by task_done();
    /// false if the timeout passed first.
    bool join(std::optional<seconds> timeout = std::nullopt) {
        if (unfinished() == 0) return true;
        return all_done_.park_until(deadline::after(timeout), [this] { return unfinished() == 0; });
    }

    void shutdown(bool immediate = false) {
        shutdown_.store(true, std::memory_order_seq_cst);
        if (immediate) {
            immediate_.store(true, std::memory_order_seq_cst);
            discard_all();
        }
        not_empty_.notify_all();
        not_full_.notify_all();
        all_done_.notify_all();
    }
    [[nodiscard]] bool is_shut_down() const noexcept {
        return shutdown_.load(std::memory_order_relaxed);
    }

private:
    template <class U>
    void put_impl(U&& item, bool block, std::optional<seconds> timeout) {
        if (shutdown_.load(std::memory_order_seq_cst)) throw weft::shut_down();
        if (!storage_.try_push(std::forward<U>(item), maxsize_))
            wait_to_push(std::forward<U>(item), block, timeout);
        not_empty_.notify_one();
        // A shutdown(immediate) that drained just before our push must not
        // leave this item behind with join() waiting for it forever.
        if (immediate_.load(std::memory_order_seq_cst)) discard_all();
    }

    template <class U>
    void wait_to_push(U&& item, bool block, std::optional<seconds> timeout) {
        if (!block) throw weft::full();
        const auto until = deadline::after(timeout);
        if (until.immediate()) throw weft::full();
        for (spin_wait spin(until, 4, 64); spin.next();) {
            if (shutdown_.load(std::memory_order_relaxed)) throw weft::shut_down();
            if (storage_.can_push(maxsize_) && storage_.try_push(std::forward<U>(item), maxsize_))
                return;
        }
        const bool pushed = not_full_.park_until(until, [&] {
            if (shutdown_.load(std::memory_order_seq_cst)) throw weft::shut_down();
            return storage_.try_push(std::forward<U>(item), maxsize_);
        });
        if (!pushed) throw weft::full();
    }

    // Fills `out`; on a timeout throws weft::empty when `throw_empty`, else
    // returns with `out` empty.
    void get_impl(std::optional<T>& out, bool block, std::optional<seconds> timeout,
                  bool throw_empty) {
        if (immediate_.load(std::memory_order_seq_cst)) throw weft::shut_down();
        if (storage_.try_pop(out)) return popped();
        if (shutdown_.load(std::memory_order_seq_cst)) throw weft::shut_down();
        const auto until = block ? deadline::after(timeout) : deadline::at({});
        if (!block || until.immediate()) {
            if (throw_empty) throw weft::empty();
            return;
        }
        for (spin_wait spin(until, 4, 64); spin.next();) {
            if (immediate_.load(std::memory_order_relaxed)) throw weft::shut_down();
            if (storage_.can_pop() && storage_.try_pop(out)) return popped();
            if (shutdown_.load(std::memory_order_relaxed) && !storage_.can_pop())
                throw weft::shut_down();
        }
        const bool got = not_empty_.park_until(until, [&] {
            if (immediate_.load(std::memory_order_seq_cst)) throw weft::shut_down();
            if (storage_.try_pop(out)) return true;
            if (shutdown_.load(std::memory_order_seq_cst)) throw weft::shut_down();
            return false;
        });
        if (got) return popped();
        if (throw_empty) throw weft::empty();
    }

    void popped() noexcept { not_full_.notify_one(); }

    // shutdown(immediate): items still queued are dropped and count as done,
    // as in Python 3.13.
    void discard_all() {
        std::optional<T> doomed;
        std::size_t n = 0;
        while (storage_.try_pop(doomed)) {
            doomed.reset();
            ++n;
        }
        if (n != 0) done_.fetch_add(n, std::memory_order_seq_cst);
        if (n != 0) all_done_.notify_all();
        not_full_.notify_all();
    }

    const std::size_t maxsize_;
    Storage storage_;
    // Tasks are counted as items pushed (by the storage) minus done_, so a
    // put() costs no extra atomic operation.
    // done_ is read first: it never passes pushed(), so no underflow.
    [[nodiscard]] std::size_t unfinished() const noexcept {
        const std::size_t done = done_.load(std::memory_order_seq_cst);
        return storage_.pushed() - done;
    }

    alignas(64) std::atomic<std::size_t> done_{0};
    // Read on every operation: kept off the line put() writes to.
    alignas(64) std::atomic<bool> shutdown_{false};
    std::atomic<bool> immediate_{false};
    waitlist not_empty_;
    waitlist not_full_;
    waitlist all_done_;
};

}  // namespace weft::detail
