#pragma once
// weft::local<T> — Python's threading.local: one object, a separate T for
// every thread that touches it.
//
// Unlike C++'s `thread_local`, a local<T> can be a member or a local variable:
// each thread's value is created on its first get() (from the factory, or
// default-constructed) and destroyed when that thread exits or when the
// local<T> is destroyed, whichever comes first.
//
// Thread safety: get() and operator-> may be called from any number of
//   threads at once; each sees only its own T. The T itself is not shared, so
//   needs no locking.
// Lifetime: destroy the local<T> only when no thread is inside get() for it.
//   Destroying it destroys every thread's value, in the destroying thread.
// Errors: whatever the factory throws leaves get() and is thrown again on the
//   next get() in that thread.
// Cost: get() is one thread_local hash-map lookup, no lock.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace weft {

namespace detail {
class local_base {
public:
    local_base();
    local_base(const local_base&) = delete;
    local_base& operator=(const local_base&) = delete;
    virtual ~local_base();

protected:
    /// This thread's value, or null before its first creation.
    [[nodiscard]] void* find() const noexcept;
    /// Stores this thread's freshly created value (ownership passes here).
    void* adopt(std::unique_ptr<void, void (*)(void*)> value);
    /// Destroys every thread's value; call from the derived destructor.
    void destroy_all() noexcept;

private:
    friend struct local_thread_slots;
    void erase_thread(const void* slots) noexcept;

    const std::uint64_t id_;
    std::mutex mu_;
    std::unordered_map<const void*, std::unique_ptr<void, void (*)(void*)>> values_;
};
}  // namespace detail

template <class T>
class local : private detail::local_base {
public:
    local() : factory_([] { return std::make_unique<T>(); }) {}
    explicit local(std::function<std::unique_ptr<T>()> factory) : factory_(std::move(factory)) {}
    ~local() override { destroy_all(); }

    /// This thread's T, created on first use.
    T& get() {
        if (void* v = find()) return *static_cast<T*>(v);
        std::unique_ptr<T> fresh = factory_();
        return *static_cast<T*>(adopt(std::unique_ptr<void, void (*)(void*)>(
            fresh.release(), [](void* p) { delete static_cast<T*>(p); })));
    }
    T* operator->() { return &get(); }
    T& operator*() { return get(); }

private:
    std::function<std::unique_ptr<T>()> factory_;
};

}  // namespace weft
