#pragma once
// weft::queue<T> — Python's queue.Queue: a FIFO queue for threads, bounded
// (maxsize > 0) or not (maxsize = 0), with task_done()/join() and shutdown().
//
// Thread safety: every member may be called concurrently from any number of
//   producer and consumer threads.
// Items: T may be move-only. put() moves (or copies) the item in only when it
//   succeeds: after weft::full or weft::shut_down the caller still has it.
// Blocking: put() blocks the calling thread while the queue is full, get()
//   while it is empty, join() until every item is done — each after a short
//   spin, each cancelled only by its timeout or by shutdown(). `block=false`
//   never blocks. Memory ordering: everything a producer did before put() is
//   visible to the consumer whose get() returns that item.
// Errors: put_nowait()/put(block=false)/put(timeout) on a full queue throw
//   weft::full; get_nowait()/get(timeout) on an empty one throw weft::empty;
//   after shutdown() put() throws weft::shut_down, and so does get() once the
//   queue is empty (at once after shutdown(immediate=true)); task_done() more
//   often than items were put throws weft::value_error; a negative timeout
//   throws weft::value_error.
// Lifetime: destroy it only when no thread is inside a call; shutdown() first
//   to release waiters. Items still inside are destroyed with it.
// Members: put, put_nowait, get, get_nowait, try_get, qsize, empty, full,
//   maxsize, task_done, join, shutdown, is_shut_down (Python 3.13 queue API).
// Cost: bounded (maxsize >= 2) with a T that moves without throwing: a
//   lock-free ring, one CAS and one store per put or get. Otherwise producers
//   and consumers take two different locks, so one producer and one consumer
//   never wait on each other's lock. qsize()/empty()/full() read atomics only.

#include <weft/queue/detail/basic_queue.hpp>
#include <weft/queue/detail/fifo_storage.hpp>

#include <cstddef>

namespace weft {

template <class T>
class queue : public detail::basic_queue<T, detail::fifo_storage<T>> {
public:
    explicit queue(std::size_t maxsize = 0)
        : detail::basic_queue<T, detail::fifo_storage<T>>(maxsize) {}
};

}  // namespace weft
