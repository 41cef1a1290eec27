#pragma once
// <weft/futures.hpp> — Python's `concurrent.futures` for C++: future,
// thread_pool_executor, as_completed, wait, and joblib-style parallel loops.
// See docs/futures.md for the guide and each header for its contract.

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/futures/as_completed.hpp>
#include <weft/futures/future.hpp>
#include <weft/futures/map_result.hpp>
#include <weft/futures/parallel.hpp>
#include <weft/futures/thread_pool_executor.hpp>
#include <weft/futures/wait.hpp>
