#pragma once
// weft's exception hierarchy: one policy, Python's — errors are exceptions.
//
// Every library error derives from weft::error (itself a std::runtime_error),
// so `catch (const weft::error&)` catches everything weft throws on purpose.
// OS failures are std::system_error with the errno, never a weft::error.

#include <stdexcept>
#include <string>

namespace weft {

/// Base of every error weft raises itself.
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Python's RuntimeError: an operation used against its contract
/// (releasing an un-acquired lock, starting a thread twice, joining oneself).
class runtime_error : public error {
public:
    using error::error;
};

/// Python's ValueError: a bad argument (negative timeout, a bounded semaphore
/// released too often, task_done() called more times than items were put).
class value_error : public error {
public:
    using error::error;
};

/// A blocking call ran out of time where the API reports it by exception.
class timeout_error : public error {
public:
    using error::error;
};

/// The operation was cancelled.
class cancelled_error : public error {
public:
    using error::error;
};

/// concurrent.futures.InvalidStateError: setting the result of a future that
/// is already done, or starting one twice.
class invalid_state_error : public error {
public:
    using error::error;
};

/// concurrent.futures.BrokenExecutor: the executor can no longer run jobs
/// (a worker's initializer threw). Every pending and later job fails with it.
class broken_executor : public runtime_error {
public:
    using runtime_error::runtime_error;
};

/// threading.BrokenBarrierError: the barrier was aborted, reset while threads
/// waited, its action threw, or a wait timed out.
class broken_barrier_error : public runtime_error {
public:
    broken_barrier_error() : runtime_error("broken barrier") {}
};

/// queue.Full: put_nowait() on a full queue, or put() that timed out.
class full : public error {
public:
    full() : error("queue is full") {}
};

/// queue.Empty: get_nowait() on an empty queue, or get() that timed out.
class empty : public error {
public:
    empty() : error("queue is empty") {}
};

/// queue.ShutDown (Python 3.13): put() on a shut-down queue, or get() on one
/// that is shut down and drained (or was shut down immediately).
class shut_down : public error {
public:
    shut_down() : error("queue is shut down") {}
};

}  // namespace weft
