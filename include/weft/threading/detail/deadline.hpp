#pragma once
// Internal: turns an optional relative timeout into an absolute steady-clock
// deadline once, so loops that wake spuriously never wait longer in total.

#include <weft/chrono.hpp>
#include <weft/errors.hpp>

#include <chrono>
#include <optional>

namespace weft::detail {

class deadline {
public:
    using clock = std::chrono::steady_clock;

    /// Forever when `timeout` is empty. Throws weft::value_error when it is
    /// negative or NaN. Timeouts beyond ~30 years count as forever.
    static deadline after(std::optional<seconds> timeout);
    static deadline never() noexcept { return deadline{}; }
    static deadline at(clock::time_point t) noexcept {
        deadline d;
        d.infinite_ = false;
        d.at_ = t;
        return d;
    }

    [[nodiscard]] bool infinite() const noexcept { return infinite_; }
    [[nodiscard]] clock::time_point when() const noexcept { return at_; }
    [[nodiscard]] bool expired() const noexcept { return !infinite_ && clock::now() >= at_; }
    /// True for a zero timeout: the caller must not block at all.
    [[nodiscard]] bool immediate() const noexcept { return immediate_; }

private:
    bool infinite_ = true;
    bool immediate_ = false;
    clock::time_point at_{};
};

}  // namespace weft::detail
