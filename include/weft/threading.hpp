#pragma once
// <weft/threading.hpp> — Python's `threading` module for C++.
// See docs/threading.md for the guide and each header for its contract.

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/threading/barrier.hpp>
#include <weft/threading/bounded_semaphore.hpp>
#include <weft/threading/condition.hpp>
#include <weft/threading/event.hpp>
#include <weft/threading/guard.hpp>
#include <weft/threading/local.hpp>
#include <weft/threading/lock.hpp>
#include <weft/threading/lock_order.hpp>
#include <weft/threading/rlock.hpp>
#include <weft/threading/semaphore.hpp>
#include <weft/threading/thread.hpp>
#include <weft/threading/timer.hpp>
