#pragma once
// weft::thread — Python's threading.Thread, and the module functions
// current_thread(), main_thread(), enumerate(), active_count().
//
// A thread runs a target (any callable plus arguments, bound by value as
// std::thread does) or, in a subclass that gives no target, its run().
// If the target's first parameter is a std::stop_token it receives one, tied
// to request_stop(): the cooperative stop the notes build with `_running`
// (std::jthread's rule: a generic target whose first parameter accepts a
// std::stop_token gets one).
//
// Python's semantics, kept on purpose:
// - start() once; start() returns when the new thread runs (ident and
//   native_id are then set).
// - Destroying a weft::thread object does not stop or join the thread: it
//   goes on, is still listed by enumerate(), and can be reached through a
//   thread_ref. At normal program exit (return from main, or std::exit) weft
//   waits for every non-daemon thread, as Python's interpreter shutdown; daemon
//   threads are not waited for. Objects of static storage that threads use
//   must be constructed before the first thread starts, so that they outlive
//   that wait.
// - An exception escaping the target is reported by the excepthook with the
//   thread's name (default: printed to stderr) and ends only that thread;
//   it never calls std::terminate.
// - A new thread is a daemon if the creating thread is one, unless told.
//
// Thread safety: distinct objects: safe. Shared objects: every const member
//   and join()/request_stop() may be called concurrently; start(),
//   set_daemon() and moving need external synchronisation.
// Lifetime: a subclass that overrides run() must be joined before it is
//   destroyed or moved (run() uses the object); weft aborts with a message
//   when that is violated. A target-style thread may be destroyed any time.
// Errors: weft::runtime_error for start() twice, join() before start() or of
//   the calling thread, set_daemon() after start(); std::system_error when the
//   OS cannot create a thread.
// Blocking: join() blocks the calling thread until the thread ends or the
//   timeout passes; it returns whether the thread ended.

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/threading/detail/unique_function.hpp>

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace weft {

namespace detail {
struct thread_state;
struct thread_access;
}  // namespace detail

/// A copyable reference to any running or finished thread: one weft started,
/// the main thread, or a thread weft did not start (named "Dummy-N", daemon).
class thread_ref {
public:
    [[nodiscard]] std::string name() const;
    void set_name(std::string name) const;
    /// pthread id as an integer; 0 before start.
    [[nodiscard]] std::uint64_t ident() const noexcept;
    /// The kernel's thread id (gettid); 0 before start.
    [[nodiscard]] std::int64_t native_id() const noexcept;
    [[nodiscard]] bool daemon() const noexcept;
    [[nodiscard]] bool is_alive() const noexcept;
    /// As thread::join. Joining a thread weft did not start throws
    /// weft::runtime_error.
    bool join(std::optional<seconds> timeout = std::nullopt) const;
    /// Asks the thread to stop; its target sees it through its stop_token.
    void request_stop() const noexcept;
    [[nodiscard]] bool stop_requested() const noexcept;

    friend bool operator==(const thread_ref& a, const thread_ref& b) noexcept {
        return a.state_ == b.state_;
    }

private:
    friend class thread;
    friend struct detail::thread_access;
    explicit thread_ref(std::shared_ptr<detail::thread_state> s) : state_(std::move(s)) {}
    std::shared_ptr<detail::thread_state> state_;
};

class thread {
public:
    /// Python's Thread(name=..., daemon=...) keywords.
    struct options {
        std::string name{};            ///< empty: "Thread-N"
        std::optional<bool> daemon{};  ///< empty: the creating thread's
    };

    /// A thread with no target: start() runs run(), which a subclass
    /// overrides (the notes' CountdownThread); the base run() does nothing.
    thread() : thread(options{}) {}
    explicit thread(options opts);

    /// A thread that will call `f(args...)`, or `f(stop_token, args...)`.
    template <class F, class... Args>
    requires(!std::is_same_v<std::remove_cvref_t<F>, options> &&
             !std::is_same_v<std::remove_cvref_t<F>, thread>) explicit thread(F&& f, Args&&... args)
        : thread(options{}, std::forward<F>(f), std::forward<Args>(args)...) {}

    template <class F, class... Args>
    thread(options opts, F&& f, Args&&... args) : thread(std::move(opts)) {
        target_ = detail::unique_function::bind(std::forward<F>(f), std::forward<Args>(args)...);
    }

    thread(const thread&) = delete;
    thread& operator=(const thread&) = delete;
    thread(thread&& other) noexcept;
    thread& operator=(thread&&) = delete;
    virtual ~thread();

    void start();
    /// Returns true when the thread has ended (at once if it had).
    bool join(std::optional<seconds> timeout = std::nullopt);
    [[nodiscard]] bool is_alive() const noexcept;

    [[nodiscard]] std::string name() const;
    void set_name(std::string name);
    [[nodiscard]] bool daemon() const noexcept;
    void set_daemon(bool daemon);
    [[nodiscard]] std::uint64_t ident() const noexcept;
    [[nodiscard]] std::int64_t native_id() const noexcept;

    void request_stop() noexcept;
    [[nodiscard]] bool stop_requested() const noexcept;
    [[nodiscard]] std::stop_token get_stop_token() const noexcept;

    [[nodiscard]] thread_ref ref() const { return thread_ref(state_); }

protected:
    /// The thread's body when no target was given; override in a subclass.
    virtual void run() {}

private:
    std::shared_ptr<detail::thread_state> state_;
    detail::unique_function target_;
    bool runs_self_ = false;  // started without a target: run() uses *this
};

/// The thread calling it (Python's threading.current_thread()).
[[nodiscard]] thread_ref current_thread();
/// The process's main thread.
[[nodiscard]] thread_ref main_thread();
/// Every alive thread: started weft threads, the main thread, and other
/// threads that have called current_thread().
[[nodiscard]] std::vector<thread_ref> enumerate();
/// enumerate().size().
[[nodiscard]] std::size_t active_count();
/// Python's threading.get_ident() and get_native_id().
[[nodiscard]] std::uint64_t get_ident() noexcept;
[[nodiscard]] std::int64_t get_native_id() noexcept;

/// What the excepthook receives (Python's threading.ExceptHookArgs).
struct excepthook_args {
    std::exception_ptr exception;
    std::string exc_type;  ///< demangled type name of the exception
    std::string message;   ///< what(), or empty for a non-std exception
    thread_ref thread;
};
using excepthook_function = std::function<void(const excepthook_args&)>;

/// Installs the hook called, in the dying thread, with an exception that
/// escaped a thread's target; returns the previous one. An empty function
/// restores the default, which prints
///   Exception in thread NAME:
///   TYPE: MESSAGE
/// to stderr. An exception thrown by the hook itself is printed and dropped.
excepthook_function set_excepthook(excepthook_function hook);

}  // namespace weft
