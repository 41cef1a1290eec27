#include <weft/threading/condition.hpp>

#include <optional>

namespace weft {

condition::condition() : own_(std::make_unique<weft::rlock>()), lock_(own_.get()) {}

condition::~condition() = default;

bool condition::acquire(bool blocking, std::optional<seconds> timeout) {
    return std::visit([&](auto* l) { return l->acquire(blocking, timeout); }, lock_);
}

void condition::release() {
    std::visit([](auto* l) { l->release(); }, lock_);
}

void condition::require_owned(const char* what) const {
    const bool owned = std::visit(
        [](auto* l) {
            if constexpr (std::is_same_v<decltype(l), weft::rlock*>)
                return l->is_owned();
            else
                return l->locked();  // a plain lock has no owner: held is enough
        },
        lock_);
    if (!owned) throw runtime_error(what);
}

bool condition::wait(std::optional<seconds> timeout) {
    require_owned("cannot wait on un-acquired lock");
    const auto until = detail::deadline::after(timeout);

    // Registered before the lock is released, so a notify() issued as soon
    // as another thread gets the lock already finds us.
    detail::waitlist::node me;
    waiters_.enqueue(me);
    std::optional<weft::rlock::saved_state> saved;
    if (auto* r = std::get_if<weft::rlock*>(&lock_))
        saved = (*r)->release_save();
    else
        std::get<weft::lock*>(lock_)->release();

    (void)waiters_.wait(me, until);
    const bool notified = waiters_.dequeue(me);

    if (saved)
        std::get<weft::rlock*>(lock_)->acquire_restore(*saved);
    else
        std::get<weft::lock*>(lock_)->acquire();
    return notified;
}

void condition::notify(std::size_t n) {
    require_owned("cannot notify on un-acquired lock");
    waiters_.notify(n);
}

void condition::notify_all() { notify(static_cast<std::size_t>(-1)); }

}  // namespace weft
