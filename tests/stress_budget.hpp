#pragma once
// How long each bounded-time stress test runs: WEFT_STRESS_SECONDS, or 1.5 s.
// CI gives the ThreadSanitizer run longer, to give races more chances.

#include <chrono>
#include <cstdlib>

namespace weft::testing {

inline std::chrono::milliseconds stress_budget() {
    if (const char* s = std::getenv("WEFT_STRESS_SECONDS")) {
        const double v = std::atof(s);
        if (v > 0 && v < 600) return std::chrono::milliseconds(static_cast<long>(v * 1000));
    }
    return std::chrono::milliseconds(1500);
}

}  // namespace weft::testing
