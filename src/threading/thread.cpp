#include <weft/threading/event.hpp>
#include <weft/threading/thread.hpp>

#include <cxxabi.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <system_error>

namespace weft {

namespace detail {

struct thread_state {
    mutable std::mutex name_mu;
    std::string name;  // guarded by name_mu
    std::atomic<bool> daemon{false};
    std::atomic<bool> started{false};
    std::atomic<std::uint64_t> ident{0};
    std::atomic<std::int64_t> native_id{0};
    bool joinable = true;  // false for threads weft did not start
    event running;         // set once the new thread has taken off
    event finished;        // set when the target returned or threw
    std::stop_source stop;
    unique_function body;
};

struct thread_access {
    static thread_ref make(std::shared_ptr<thread_state> s) { return thread_ref(std::move(s)); }
};

}  // namespace detail

namespace {

using state_ptr = std::shared_ptr<detail::thread_state>;

struct registry {
    std::mutex mu;
    std::vector<state_ptr> active;  // guarded by mu
    excepthook_function hook;       // guarded by mu
    bool exit_hook_installed = false;
    state_ptr main;
};

// Leaked on purpose: daemon threads may still use it during static destruction.
registry& reg() {
    static auto* r = new registry;
    return *r;
}

std::atomic<unsigned> thread_counter{0};
std::atomic<unsigned> dummy_counter{0};

thread_local state_ptr tls_current;

std::int64_t gettid_now() noexcept { return static_cast<std::int64_t>(::syscall(SYS_gettid)); }

// The main thread runs static initialisation, so this captures its ids.
const bool main_captured = [] {
    auto& r = reg();
    std::lock_guard g(r.mu);
    auto s = std::make_shared<detail::thread_state>();
    s->name = "MainThread";
    s->started = true;
    s->joinable = false;
    s->native_id = static_cast<std::int64_t>(::getpid());
    if (gettid_now() == ::getpid()) s->ident = static_cast<std::uint64_t>(::pthread_self());
    s->running.set();
    r.main = s;
    r.active.push_back(s);
    return true;
}();

void remove_active(const detail::thread_state* s) {
    auto& r = reg();
    std::lock_guard g(r.mu);
    auto it = std::find_if(r.active.begin(), r.active.end(),
                           [s](const state_ptr& p) { return p.get() == s; });
    if (it != r.active.end()) r.active.erase(it);
}

// Unregisters, at its exit, a thread weft did not start but that asked for
// current_thread().
struct foreign_thread_guard {
    state_ptr state;
    ~foreign_thread_guard() {
        if (state) {
            state->finished.set();
            remove_active(state.get());
        }
    }
};
thread_local foreign_thread_guard tls_foreign;

std::string current_exception_type() {
    const std::type_info* t = abi::__cxa_current_exception_type();
    if (t == nullptr) return "unknown exception";
    int status = 0;
    char* out = abi::__cxa_demangle(t->name(), nullptr, nullptr, &status);
    std::string s = (status == 0 && out != nullptr) ? out : t->name();
    std::free(out);
    return s;
}

void default_excepthook(const excepthook_args& a) {
    std::string text = "Exception in thread " + a.thread.name() + ":\n" + a.exc_type;
    if (!a.message.empty()) text += ": " + a.message;
    std::fprintf(stderr, "%s\n", text.c_str());
}

// Called inside a catch block in the dying thread.
void report_exception(const state_ptr& s) noexcept {
    try {
        excepthook_args args{
            std::current_exception(), current_exception_type(), {}, detail::thread_access::make(s)};
        try {
            throw;
        } catch (const std::exception& e) {
            args.message = e.what();
        } catch (...) {
        }
        excepthook_function hook;
        {
            std::lock_guard g(reg().mu);
            hook = reg().hook;
        }
        if (hook)
            hook(args);
        else
            default_excepthook(args);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "weft: excepthook failed: %s\n", e.what());
    } catch (...) {
        std::fprintf(stderr, "weft: excepthook failed\n");
    }
}

// Python's threading._shutdown: at normal exit, wait for non-daemon threads.
void join_non_daemon_threads() {
    const auto me = tls_current;
    for (;;) {
        state_ptr next;
        {
            std::lock_guard g(reg().mu);
            for (const auto& s : reg().active)
                if (s->joinable && !s->daemon && s != me) {
                    next = s;
                    break;
                }
        }
        if (!next) return;
        next->finished.wait();
        remove_active(next.get());
    }
}

void* trampoline(void* arg) {
    state_ptr s(std::move(*static_cast<state_ptr*>(arg)));
    delete static_cast<state_ptr*>(arg);
    s->native_id = gettid_now();
    tls_current = s;
    s->running.set();
    try {
        s->body(s->stop.get_token());
    } catch (...) {
        report_exception(s);
    }
    try {
        s->body = {};  // the target and its arguments die in their own thread
    } catch (...) {
        report_exception(s);
    }
    remove_active(s.get());
    s->finished.set();
    tls_current.reset();
    return nullptr;
}

}  // namespace

// ---- thread_ref ----------------------------------------------------------

std::string thread_ref::name() const {
    std::lock_guard g(state_->name_mu);
    return state_->name;
}
void thread_ref::set_name(std::string name) const {
    std::lock_guard g(state_->name_mu);
    state_->name = std::move(name);
}
std::uint64_t thread_ref::ident() const noexcept { return state_->ident; }
std::int64_t thread_ref::native_id() const noexcept { return state_->native_id; }
bool thread_ref::daemon() const noexcept { return state_->daemon; }
bool thread_ref::is_alive() const noexcept { return state_->started && !state_->finished.is_set(); }
bool thread_ref::join(std::optional<seconds> timeout) const {
    if (!state_->joinable) throw runtime_error("cannot join a thread weft did not start");
    if (!state_->started) throw runtime_error("cannot join thread before it is started");
    if (state_ == tls_current) throw runtime_error("cannot join current thread");
    return state_->finished.wait(timeout);
}
void thread_ref::request_stop() const noexcept { state_->stop.request_stop(); }
bool thread_ref::stop_requested() const noexcept { return state_->stop.stop_requested(); }

// ---- thread --------------------------------------------------------------

thread::thread(options opts) : state_(std::make_shared<detail::thread_state>()) {
    state_->name = opts.name.empty() ? "Thread-" + std::to_string(thread_counter.fetch_add(1) + 1)
                                     : std::move(opts.name);
    state_->daemon = opts.daemon ? *opts.daemon : current_thread().daemon();
}

thread::thread(thread&& other) noexcept
    : state_(std::move(other.state_)),
      target_(std::move(other.target_)),
      runs_self_(other.runs_self_) {
    if (runs_self_ && state_ && state_->started && !state_->finished.is_set()) {
        std::fprintf(stderr, "weft: a thread whose run() is executing was moved\n");
        std::abort();
    }
}

thread::~thread() {
    if (runs_self_ && state_ && state_->started && !state_->finished.is_set()) {
        std::fprintf(stderr,
                     "weft: thread '%s' destroyed while its run() is executing; join() it "
                     "before destroying it\n",
                     ref().name().c_str());
        std::abort();
    }
}

void thread::start() {
    if (!state_) throw runtime_error("thread was moved from");
    if (state_->started.exchange(true)) throw runtime_error("threads can only be started once");
    if (target_) {
        state_->body = std::move(target_);
    } else {
        runs_self_ = true;
        state_->body = detail::unique_function::bind([this] { run(); });
    }
    {
        std::lock_guard g(reg().mu);
        reg().active.push_back(state_);
        if (!reg().exit_hook_installed) {
            reg().exit_hook_installed = true;
            std::atexit(join_non_daemon_threads);
        }
    }
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t id{};
    auto* arg = new state_ptr(state_);
    const int rc = pthread_create(&id, &attr, trampoline, arg);
    pthread_attr_destroy(&attr);
    if (rc != 0) {
        delete arg;
        remove_active(state_.get());
        state_->started = false;
        if (runs_self_)
            state_->body = {};
        else
            target_ = std::move(state_->body);
        runs_self_ = false;
        throw std::system_error(rc, std::generic_category(), "cannot start thread");
    }
    state_->ident = static_cast<std::uint64_t>(id);
    state_->running.wait();
}

bool thread::join(std::optional<seconds> timeout) { return ref().join(timeout); }
bool thread::is_alive() const noexcept { return state_ && ref().is_alive(); }
std::string thread::name() const { return ref().name(); }
void thread::set_name(std::string name) { ref().set_name(std::move(name)); }
bool thread::daemon() const noexcept { return state_->daemon; }
void thread::set_daemon(bool daemon) {
    if (state_->started) throw runtime_error("cannot set daemon status of active thread");
    state_->daemon = daemon;
}
std::uint64_t thread::ident() const noexcept { return state_->ident; }
std::int64_t thread::native_id() const noexcept { return state_->native_id; }
void thread::request_stop() noexcept { state_->stop.request_stop(); }
bool thread::stop_requested() const noexcept { return state_->stop.stop_requested(); }
std::stop_token thread::get_stop_token() const noexcept { return state_->stop.get_token(); }

// ---- module functions ----------------------------------------------------

thread_ref current_thread() {
    if (tls_current) return detail::thread_access::make(tls_current);
    (void)main_captured;
    if (gettid_now() == ::getpid()) {
        std::lock_guard g(reg().mu);
        tls_current = reg().main;
    } else {
        auto s = std::make_shared<detail::thread_state>();
        s->name = "Dummy-" + std::to_string(dummy_counter.fetch_add(1) + 1);
        s->daemon = true;
        s->started = true;
        s->joinable = false;
        s->ident = static_cast<std::uint64_t>(::pthread_self());
        s->native_id = gettid_now();
        s->running.set();
        {
            std::lock_guard g(reg().mu);
            reg().active.push_back(s);
        }
        tls_foreign.state = s;
        tls_current = s;
    }
    return detail::thread_access::make(tls_current);
}

thread_ref main_thread() {
    (void)main_captured;
    std::lock_guard g(reg().mu);
    return detail::thread_access::make(reg().main);
}

std::vector<thread_ref> enumerate() {
    std::lock_guard g(reg().mu);
    std::vector<thread_ref> out;
    out.reserve(reg().active.size());
    for (const auto& s : reg().active) out.push_back(detail::thread_access::make(s));
    return out;
}

std::size_t active_count() {
    std::lock_guard g(reg().mu);
    return reg().active.size();
}

std::uint64_t get_ident() noexcept { return static_cast<std::uint64_t>(::pthread_self()); }
std::int64_t get_native_id() noexcept { return gettid_now(); }

excepthook_function set_excepthook(excepthook_function hook) {
    std::lock_guard g(reg().mu);
    return std::exchange(reg().hook, std::move(hook));
}

}  // namespace weft
