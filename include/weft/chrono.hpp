#pragma once
// Timeouts as Python spells them: a number of seconds, optional.
//
// Every blocking call of weft takes `std::optional<weft::seconds> timeout`;
// any std::chrono duration converts to it (`100ms`, `2s`, `seconds{0.5}`), and
// an empty optional means "wait forever". A negative or NaN timeout throws
// weft::value_error. Timeouts are measured on std::chrono::steady_clock, so
// changing the wall clock never shortens or lengthens a wait.

#include <chrono>
#include <optional>

namespace weft {

/// Seconds as a double, like Python's `timeout=0.5`.
using seconds = std::chrono::duration<double>;

}  // namespace weft
