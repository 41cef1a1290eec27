#pragma once
// weft::guard — the notes' `with lock:` for every weft primitive:
//
//     { weft::guard g(counter_lock); ++counter; }   // released at scope exit
//
// It calls acquire() on construction and release() on destruction, so it
// works with lock, rlock, semaphore, bounded_semaphore and condition (and any
// type with those two members). weft::lock cannot offer a member named
// lock() — the class has that name — so std::lock_guard does not accept it;
// rlock, semaphore and condition are also Lockable for std::lock_guard and
// std::unique_lock.
//
// Thread safety: a guard belongs to the thread that made it.
// Errors: what acquire() throws leaves the constructor (nothing is held). A
//   release() that throws in the destructor (the lock was released behind the
//   guard's back) is a contract violation: std::terminate.
// Blocking: the constructor blocks the calling thread until acquired.

namespace weft {

template <class Lockable>
class [[nodiscard]] guard {
public:
    explicit guard(Lockable& l) : lockable_(l) { lockable_.acquire(); }
    guard(const guard&) = delete;
    guard& operator=(const guard&) = delete;
    guard(guard&&) = delete;
    guard& operator=(guard&&) = delete;
    ~guard() { lockable_.release(); }

private:
    Lockable& lockable_;
};

}  // namespace weft
