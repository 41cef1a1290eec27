#pragma once
// Internal: weft::queue's storage — the lock-free ring when the queue is
// bounded and T moves without throwing (the common case, and the fast one),
// the two-lock growable buffer otherwise. The choice is made once, at
// construction; each call pays one predictable branch.

#include <weft/queue/detail/locked_storage.hpp>
#include <weft/queue/detail/ring_storage.hpp>

#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>

namespace weft::detail {

template <class T>
class fifo_storage {
    static constexpr bool ring_capable = std::is_nothrow_move_constructible_v<T>;

public:
    explicit fifo_storage(std::size_t maxsize) {
        if (ring_capable && maxsize >= 2)  // the ring needs two cells to tell full from free
            ring_.emplace(maxsize);
        else
            locked_.emplace(maxsize);
    }

    template <class U>
    bool try_push(U&& item, std::size_t maxsize) {
        if constexpr (ring_capable)
            if (ring_) return ring_->try_push(std::forward<U>(item));
        return locked_->try_push(std::forward<U>(item), maxsize);
    }
    bool try_pop(std::optional<T>& out) {
        if constexpr (ring_capable)
            if (ring_) return ring_->try_pop(out);
        return locked_->try_pop(out);
    }
    [[nodiscard]] std::size_t size() const noexcept {
        return ring_ ? ring_->size() : locked_->size();
    }
    [[nodiscard]] bool can_pop() const noexcept {
        return ring_ ? ring_->can_pop() : locked_->can_pop();
    }
    [[nodiscard]] bool can_push(std::size_t maxsize) const noexcept {
        return ring_ ? ring_->can_push() : locked_->can_push(maxsize);
    }
    [[nodiscard]] std::size_t pushed() const noexcept {
        return ring_ ? ring_->pushed() : locked_->pushed();
    }

private:
    std::optional<ring_storage<T>> ring_;
    std::optional<locked_fifo<T>> locked_;
};

}  // namespace weft::detail
