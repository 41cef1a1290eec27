// The barrier's state machine follows Python's threading.Barrier so that it
// behaves the same in every corner: filling -> (last arrival runs the action)
// -> draining -> filling; reset() while threads wait passes through
// resetting; broken is sticky until reset().

#include <weft/threading/barrier.hpp>

namespace weft {

barrier::barrier(std::size_t parties, std::function<void()> action, std::optional<seconds> timeout)
    : parties_(parties), action_(std::move(action)), timeout_(timeout) {
    if (parties == 0) throw value_error("barrier parties must be at least 1");
}

std::size_t barrier::wait(std::optional<seconds> timeout) {
    if (!timeout) timeout = timeout_;
    weft::guard hold(mu_);
    enter();
    const std::size_t index = count_++;
    struct on_exit {
        barrier& b;
        ~on_exit() {
            --b.count_;
            b.leave();
        }
    } exit_guard{*this};
    if (index + 1 == parties_)
        release_round();
    else
        wait_round(timeout);
    return index;
}

void barrier::enter() {
    // Threads arriving while the previous round drains (or a reset runs) wait
    // for it to finish before they join the next round.
    cond_.wait_for([this] { return phase_ != phase::draining && phase_ != phase::resetting; });
    if (phase_ == phase::broken) throw broken_barrier_error();
}

void barrier::release_round() {
    try {
        if (action_) action_();
        phase_ = phase::draining;
        cond_.notify_all();
    } catch (...) {
        break_locked();
        throw;
    }
}

void barrier::wait_round(std::optional<seconds> timeout) {
    if (!cond_.wait_for([this] { return phase_ != phase::filling; }, timeout)) {
        break_locked();
        throw broken_barrier_error();
    }
    if (phase_ == phase::broken || phase_ == phase::resetting) throw broken_barrier_error();
}

void barrier::leave() {
    if (count_ == 0 && (phase_ == phase::draining || phase_ == phase::resetting)) {
        phase_ = phase::filling;
        cond_.notify_all();
    }
}

void barrier::break_locked() {
    phase_ = phase::broken;
    cond_.notify_all();
}

void barrier::reset() {
    weft::guard hold(mu_);
    if (count_ > 0) {
        if (phase_ == phase::filling || phase_ == phase::broken) phase_ = phase::resetting;
    } else {
        phase_ = phase::filling;
    }
    cond_.notify_all();
}

void barrier::abort() {
    weft::guard hold(mu_);
    break_locked();
}

std::size_t barrier::n_waiting() {
    weft::guard hold(mu_);
    return phase_ == phase::filling ? count_ : 0;
}

bool barrier::broken() {
    weft::guard hold(mu_);
    return phase_ == phase::broken;
}

}  // namespace weft
