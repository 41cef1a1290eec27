#pragma once
// <weft/queue.hpp> — Python's `queue` module for C++: queue, lifo_queue,
// priority_queue and the exceptions full, empty, shut_down.
// See docs/queue.md for the guide and each header for its contract.

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/queue/lifo_queue.hpp>
#include <weft/queue/priority_queue.hpp>
#include <weft/queue/queue.hpp>
