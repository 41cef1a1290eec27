#include <weft/futures/detail/future_core.hpp>
#include <weft/futures/future.hpp>

#include <cxxabi.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <thread>
#include <typeinfo>

namespace weft {

namespace {
std::mutex& handler_mu() {
    static auto* mu = new std::mutex;
    return *mu;
}
unretrieved_exception_handler& handler() {
    static auto* h = new unretrieved_exception_handler;
    return *h;
}

std::string describe(const std::exception_ptr& e) {
    try {
        std::rethrow_exception(e);
    } catch (const std::exception& ex) {
        int status = 0;
        char* name = abi::__cxa_demangle(typeid(ex).name(), nullptr, nullptr, &status);
        std::string s = (status == 0 && name != nullptr) ? name : typeid(ex).name();
        std::free(name);
        return s + ": " + ex.what();
    } catch (...) {
        const std::type_info* t = abi::__cxa_current_exception_type();
        return t != nullptr ? t->name() : "unknown exception";
    }
}
}  // namespace

unretrieved_exception_handler set_unretrieved_exception_handler(unretrieved_exception_handler h) {
    std::lock_guard g(handler_mu());
    return std::exchange(handler(), std::move(h));
}

namespace detail {

waiting_helper*& current_waiting_helper() noexcept {
    thread_local waiting_helper* helper = nullptr;
    return helper;
}

void report_unretrieved(const std::exception_ptr& e) noexcept {
    try {
        unretrieved_exception_handler h;
        {
            std::lock_guard g(handler_mu());
            h = handler();
        }
        if (h)
            h(e);
        else
            std::fprintf(stderr, "weft: future exception was never retrieved: %s\n",
                         describe(e).c_str());
    } catch (...) {
        std::fprintf(stderr, "weft: the unretrieved-exception handler threw\n");
    }
}

future_core_base::~future_core_base() {
    if (exception_ && !retrieved_.load(std::memory_order_relaxed)) report_unretrieved(exception_);
}

bool future_core_base::wait(const deadline& until) const {
    if (is_done()) return true;
    if (waiting_helper* helper = current_waiting_helper()) return helper->help_until(*this, until);
    return wait_here(until);
}

bool future_core_base::wait_here(const deadline& until) const {
    for (spin_wait spin(until); spin.next();)
        if (is_done()) return true;
    return waiters_.park_until(until, [this] { return is_done(); });
}

// add_callback and the completing thread meet like a Dekker pair: add_callback
// stores has_callbacks_ then reads the state; the completer changes the state
// with an RMW (the claim, or cancel) and later reads has_callbacks_ (all
// seq_cst). If add_callback saw pending or running, the completer's RMW comes
// after its store and the completer sees the flag; if it saw a done state it
// runs the callbacks itself; if it saw `completing` it cannot tell, so it waits
// the few instructions until the result is stored and runs them itself.
// completed_ under mu_ makes sure they run exactly once.
void future_core_base::add_callback(std::function<void()> f) {
    mu_.lock();
    if (completed_) {
        mu_.unlock();
        f();
        return;
    }
    try {
        callbacks_.push_back(std::move(f));
    } catch (...) {
        mu_.unlock();
        throw;
    }
    has_callbacks_.store(true, std::memory_order_seq_cst);
    mu_.unlock();
    auto s = state_.load(std::memory_order_seq_cst);
    for (spin_wait spin; s == completing; s = state_.load(std::memory_order_seq_cst))
        if (!spin.next()) std::this_thread::yield();
    if (s == finished || s == cancelled) run_callbacks();
}

void future_core_base::run_callbacks() noexcept {
    mu_.lock();
    if (completed_) {
        mu_.unlock();
        return;
    }
    completed_ = true;
    std::vector<std::function<void()>> callbacks = std::move(callbacks_);
    mu_.unlock();
    for (auto& f : callbacks) {
        try {
            f();
        } catch (...) {
            std::fprintf(stderr, "weft: exception in a future's done-callback: %s\n",
                         describe(std::current_exception()).c_str());
        }
    }
}

void future_core_base::complete() noexcept {
    waiters_.notify_all();
    if (has_callbacks_.load(std::memory_order_seq_cst)) run_callbacks();
}

}  // namespace detail
}  // namespace weft
