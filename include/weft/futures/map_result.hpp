#pragma once
// weft::map_result<R> — what Executor::map returns: the results, in the
// order of the input, fetched lazily as the iteration reaches them.
//
// A single-pass input range (like Python's generator): each result is waited
// for when the iteration reaches it, with what is left of the timeout given to
// map(); weft::timeout_error when it runs out, the job's exception when that
// item failed. Destroying the range cancels the jobs that have not started.
// Thread safety: one thread iterates.

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/futures/future.hpp>
#include <weft/threading/detail/deadline.hpp>

#include <cstddef>
#include <iterator>
#include <optional>
#include <utility>
#include <vector>

namespace weft {

template <class R>
class map_result {
public:
    map_result(std::vector<future<std::vector<R>>> chunks, std::optional<seconds> timeout)
        : chunks_(std::move(chunks)), until_(detail::deadline::after(timeout)) {}
    map_result(map_result&&) noexcept = default;
    map_result& operator=(map_result&&) noexcept = default;
    map_result(const map_result&) = delete;
    map_result& operator=(const map_result&) = delete;
    ~map_result() {
        for (auto& c : chunks_)
            if (c.valid()) (void)c.cancel();
    }

    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = R;
        using difference_type = std::ptrdiff_t;
        using pointer = const R*;
        using reference = const R&;

        iterator() = default;
        const R& operator*() const { return owner_->at(chunk_, index_); }
        const R* operator->() const { return &**this; }
        iterator& operator++() {
            if (++index_ == owner_->at_size(chunk_)) {
                ++chunk_;
                index_ = 0;
            }
            return *this;
        }
        void operator++(int) { ++*this; }
        friend bool operator==(const iterator& a, const iterator& b) noexcept {
            return a.chunk_ == b.chunk_ && a.index_ == b.index_;
        }

    private:
        friend class map_result;
        iterator(map_result* owner, std::size_t chunk) : owner_(owner), chunk_(chunk) {}
        map_result* owner_ = nullptr;
        std::size_t chunk_ = 0;
        std::size_t index_ = 0;
    };

    iterator begin() { return iterator(this, 0); }
    iterator end() { return iterator(this, chunks_.size()); }

    /// Collects every result into a vector (Python's list(executor.map(...))).
    std::vector<R> to_vector() {
        std::vector<R> out;
        for (const auto& r : *this) out.push_back(r);
        return out;
    }

private:
    const std::vector<R>& chunk(std::size_t c) {
        std::optional<seconds> left;
        if (!until_.infinite()) {
            left = until_.when() - detail::deadline::clock::now();
            if (*left < seconds::zero()) left = seconds::zero();
        }
        return chunks_[c].result(left);
    }
    const R& at(std::size_t c, std::size_t i) { return chunk(c)[i]; }
    std::size_t at_size(std::size_t c) { return chunk(c).size(); }

    std::vector<future<std::vector<R>>> chunks_;
    detail::deadline until_;
};

}  // namespace weft
