#pragma once
// weft::bounded_semaphore — Python's threading.BoundedSemaphore: a semaphore
// that refuses to be released above its initial value, which catches the bug
// of releasing more often than acquiring.
//
// Thread safety, memory ordering, lifetime, blocking: as weft::semaphore.
// Errors: release(n) that would raise the value above the initial value
//   throws weft::value_error ("semaphore released too many times") and leaves
//   the value unchanged.

#include <weft/threading/semaphore.hpp>

#include <cstdint>

namespace weft {

class bounded_semaphore final : public semaphore {
public:
    explicit bounded_semaphore(std::int64_t value = 1);

    void release(std::uint32_t n = 1) override;

    [[nodiscard]] std::uint32_t initial_value() const noexcept { return initial_; }

private:
    std::uint32_t initial_;
};

}  // namespace weft
