#pragma once
// weft::as_completed — Python's concurrent.futures.as_completed: iterate over
// futures in the order they finish (already-done ones first).
//
//     for (weft::future<double> f : weft::as_completed(fs)) total += f.result();
//
// Accepts futures from any executor (and hand-made ones). The timeout counts
// from the call: when it passes before every future is done, the iteration
// throws weft::timeout_error. Duplicates are yielded once, as in Python.
// Thread safety: one thread iterates; the futures may complete in any thread.
// Blocking: advancing the iterator blocks the calling thread.

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/futures/future.hpp>
#include <weft/queue/queue.hpp>
#include <weft/threading/detail/deadline.hpp>

#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <unordered_set>
#include <vector>

namespace weft {

template <class T>
class as_completed_range {
public:
    as_completed_range(std::vector<future<T>> futures, std::optional<seconds> timeout)
        : futures_(std::move(futures)),
          finished_(std::make_shared<queue<std::size_t>>()),
          until_(detail::deadline::after(timeout)) {
        std::vector<future<T>> unique;
        std::unordered_set<const void*> seen;
        for (auto& f : futures_)
            if (seen.insert(detail::future_access<T>::id(f)).second) unique.push_back(f);
        futures_ = std::move(unique);
        for (std::size_t i = 0; i < futures_.size(); ++i)
            futures_[i].add_done_callback([q = finished_, i](const future<T>&) { q->put(i); });
    }

    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = future<T>;
        using difference_type = std::ptrdiff_t;
        using pointer = const future<T>*;
        using reference = const future<T>&;

        iterator() = default;
        const future<T>& operator*() const { return owner_->futures_[current_]; }
        const future<T>* operator->() const { return &**this; }
        iterator& operator++() {
            ++yielded_;
            fetch();
            return *this;
        }
        void operator++(int) { ++*this; }
        friend bool operator==(const iterator& a, const iterator& b) noexcept {
            return a.yielded_ == b.yielded_;
        }

    private:
        friend class as_completed_range;
        iterator(as_completed_range* owner, std::size_t yielded)
            : owner_(owner), yielded_(yielded) {}
        void fetch() {
            if (yielded_ == owner_->futures_.size()) return;
            std::optional<seconds> left;
            if (!owner_->until_.infinite()) {
                left = owner_->until_.when() - detail::deadline::clock::now();
                if (*left < seconds::zero()) left = seconds::zero();
            }
            auto next = owner_->finished_->try_get(left);
            if (!next)
                throw timeout_error(std::to_string(owner_->futures_.size() - yielded_) + " (of " +
                                    std::to_string(owner_->futures_.size()) +
                                    ") futures unfinished");
            current_ = *next;
        }
        as_completed_range* owner_ = nullptr;
        std::size_t yielded_ = 0;
        std::size_t current_ = 0;
    };

    iterator begin() {
        iterator it(this, 0);
        it.fetch();
        return it;
    }
    iterator end() { return iterator(this, futures_.size()); }

private:
    std::vector<future<T>> futures_;
    std::shared_ptr<queue<std::size_t>> finished_;
    detail::deadline until_;
};

template <class T>
[[nodiscard]] as_completed_range<T> as_completed(std::vector<future<T>> futures,
                                                 std::optional<seconds> timeout = std::nullopt) {
    return as_completed_range<T>(std::move(futures), timeout);
}

}  // namespace weft
