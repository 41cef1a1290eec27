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

void condition::unlink(waiter* w) noexcept {
    (w->prev ? w->prev->next : head_) = w->next;
    (w->next ? w->next->prev : tail_) = w->prev;
    w->next = w->prev = nullptr;
}

bool condition::wait(std::optional<seconds> timeout) {
    require_owned("cannot wait on un-acquired lock");
    const auto until = detail::deadline::after(timeout);

    waiter w;
    waiters_mu_.lock();
    w.prev = tail_;
    (tail_ ? tail_->next : head_) = &w;
    tail_ = &w;
    waiters_mu_.unlock();

    std::optional<weft::rlock::saved_state> saved;
    if (auto* r = std::get_if<weft::rlock*>(&lock_))
        saved = (*r)->release_save();
    else
        std::get<weft::lock*>(lock_)->release();

    bool notified = true;
    while (w.signalled.load(std::memory_order_acquire) == 0) {
        if (!detail::futex_wait(w.signalled, 0, until)) {
            waiters_mu_.lock();
            if (w.signalled.load(std::memory_order_acquire) == 0) {
                unlink(&w);
                notified = false;
            }
            waiters_mu_.unlock();
            break;
        }
    }
    if (notified) {
        // The notifier wakes us while holding waiters_mu_; passing through it
        // guarantees it no longer touches `w` when this frame goes away.
        waiters_mu_.lock();
        waiters_mu_.unlock();
    }

    if (saved)
        std::get<weft::rlock*>(lock_)->acquire_restore(*saved);
    else
        std::get<weft::lock*>(lock_)->acquire();
    return notified;
}

void condition::notify(std::size_t n) {
    require_owned("cannot notify on un-acquired lock");
    waiters_mu_.lock();
    while (n-- > 0 && head_ != nullptr) {
        waiter* w = head_;
        unlink(w);
        w->signalled.store(1, std::memory_order_release);
        detail::futex_wake(w->signalled, 1);
    }
    waiters_mu_.unlock();
}

void condition::notify_all() { notify(static_cast<std::size_t>(-1)); }

}  // namespace weft
