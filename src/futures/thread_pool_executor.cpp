// The work-stealing pool behind thread_pool_executor.
//
// Queues: one lock-free Chase-Lev deque per worker (the owner pushes and pops
// at the bottom, thieves steal from the top) and one injection queue, under a
// futex_mutex, for jobs submitted from other threads; a worker takes jobs from
// it a handful at a time into its own deque.
// Idle workers park on `idle_` until a queue has work; there is no shared
// job counter, so a submit and a take touch no common cache line besides the
// queue itself.
// non-zero (waitlist protocol: the submitter counts, then notifies).

#include <weft/futures/thread_pool_executor.hpp>
#include <weft/threading/detail/futex_mutex.hpp>
#include <weft/threading/detail/waitlist.hpp>
#include <weft/threading/thread.hpp>

#include <algorithm>
#include <atomic>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "ws_deque.hpp"

namespace weft {
namespace detail {

namespace {
std::atomic<unsigned> executor_counter{0};

struct alignas(64) job_queue {
    futex_mutex mu;
    std::deque<job*> jobs;  // guarded by mu
    // jobs.size(), stored (seq_cst) under mu at every change, read anywhere.
    std::atomic<std::size_t> size{0};

    void push(job* j) {
        mu.lock();
        try {
            jobs.push_back(j);
        } catch (...) {
            mu.unlock();
            throw;
        }
        size.store(jobs.size(), std::memory_order_seq_cst);
        mu.unlock();
    }
    /// Takes `j` back if it is still queued.
    bool remove(job* j) noexcept {
        mu.lock();
        auto it = std::find(jobs.begin(), jobs.end(), j);
        const bool found = it != jobs.end();
        if (found) {
            jobs.erase(it);
            size.store(jobs.size(), std::memory_order_seq_cst);
        }
        mu.unlock();
        return found;
    }
    /// Takes up to `n` + 1 jobs from the front: pushes `n` into `into` (the
    /// caller's own deque) and returns one more; null when empty.
    job* grab(std::size_t n, ws_deque<job>& into) noexcept {
        mu.lock();
        if (jobs.empty()) {
            mu.unlock();
            return nullptr;
        }
        job* first = jobs.front();
        jobs.pop_front();
        job* batch[32];
        std::size_t moved = 0;
        while (moved < n && moved < 32 && !jobs.empty()) {
            batch[moved++] = jobs.front();
            jobs.pop_front();
        }
        size.store(jobs.size(), std::memory_order_seq_cst);
        mu.unlock();
        // Newest first, so the owner's LIFO pops return them in FIFO order.
        try {
            for (std::size_t i = moved; i-- > 0;) {
                into.push(batch[i]);
                batch[i] = nullptr;
            }
        } catch (...) {
            mu.lock();
            for (std::size_t i = 0; i < moved; ++i)
                if (batch[i] != nullptr) jobs.push_front(batch[i]);
            size.store(jobs.size(), std::memory_order_seq_cst);
            mu.unlock();
        }
        return first;
    }
    std::deque<job*> take_all() noexcept {
        mu.lock();
        std::deque<job*> out;
        out.swap(jobs);
        size.store(0, std::memory_order_seq_cst);
        mu.unlock();
        return out;
    }
};
}  // namespace

class pool final : public waiting_helper, public std::enable_shared_from_this<pool> {
public:
    pool(std::size_t max_workers, std::string prefix, std::function<void()> init)
        : max_workers_(max_workers),
          prefix_(std::move(prefix)),
          init_(std::move(init)),
          locals_(max_workers) {}

    void enqueue(job* j) {
        if (broken_.load(std::memory_order_seq_cst) || stopping_.load(std::memory_order_seq_cst))
            reject(j);
        const worker_id* me = current_worker();
        try {
            if (me != nullptr && me->owner == this) {
                // Our own worker is alive and checks its deque before it
                // exits, so this job cannot be stranded by a shutdown.
                locals_[me->index].deque.push(j);
            } else {
                injection_.push(j);
                // A worker exits once it has seen `stopping_` and then an
                // empty injection queue. Either it saw our job (pushed first)
                // or we see `stopping_` here (seq_cst both ways); then take
                // the job back unless a worker already has it.
                if (stopping_.load(std::memory_order_seq_cst) && injection_.remove(j)) reject(j);
            }
        } catch (const weft::error&) {
            throw;
        } catch (...) {
            j->abandon(nullptr);
            throw;
        }
        // A pool that broke while we pushed has no worker left to run it.
        if (broken_.load(std::memory_order_seq_cst)) {
            abandon_all(std::make_exception_ptr(broken_executor(broken_message())));
            return;
        }
        idle_.notify_one();
        if (!claim_idle_worker()) maybe_spawn();
    }

    [[noreturn]] void reject(job* j) {
        j->abandon(nullptr);
        if (broken_.load(std::memory_order_seq_cst)) throw broken_executor(broken_message());
        throw runtime_error("cannot schedule new futures after shutdown");
    }

    /// Whether any queue looks non-empty.
    bool has_work() const noexcept {
        if (injection_.size.load(std::memory_order_seq_cst) != 0) return true;
        for (const auto& q : locals_)
            if (!q.deque.maybe_empty()) return true;
        return false;
    }

    void shutdown(bool wait, bool cancel_futures) {
        {
            std::lock_guard g(spawn_mu_);
            stopping_.store(true, std::memory_order_seq_cst);
        }
        if (cancel_futures) abandon_all(nullptr);
        idle_.notify_all();
        if (!wait) return;
        std::vector<std::unique_ptr<thread>> workers;
        {
            std::lock_guard g(spawn_mu_);
            workers.swap(workers_);
        }
        const auto self = current_thread();
        for (auto& w : workers)
            if (w->ref() != self) w->join();
    }

    std::size_t max_workers() const noexcept { return max_workers_; }

    bool help_until(const future_core_base& f, const deadline& until) override {
        const std::size_t me = current_worker()->index;
        auto slice = std::chrono::microseconds(50);
        while (!f.is_done()) {
            if (job* j = find_job(me)) {
                j->run();
                continue;
            }
            if (until.expired()) return f.is_done();
            // Nothing to run: wait on the future itself for a short slice, so
            // its completion wakes us at once, and look for new jobs between.
            auto next = deadline::at(deadline::clock::now() + slice);
            if (!until.infinite() && until.when() < next.when()) next = until;
            if (f.wait_here(next)) return true;
            slice = std::min(slice * 2, std::chrono::microseconds(2000));
        }
        return true;
    }

private:
    struct worker_id {
        pool* owner;
        std::size_t index;
    };
    static const worker_id*& current_worker() noexcept {
        thread_local const worker_id* id = nullptr;
        return id;
    }

    std::string broken_message() const {
        return "a thread initializer failed, the thread pool is not usable anymore";
    }

    // Python's rule for starting workers: every submit claims an idle
    // worker's token, and starts a new worker (up to max_workers) when there
    // is none. A worker hands in a token each time it runs out of work. So
    // jobs submitted in a row while the workers are busy get workers of their
    // own, even if the first of them blocks.
    bool claim_idle_worker() noexcept {
        std::size_t t = idle_tokens_.load(std::memory_order_seq_cst);
        while (t != 0)
            if (idle_tokens_.compare_exchange_weak(t, t - 1, std::memory_order_seq_cst))
                return true;
        return false;
    }

    void maybe_spawn() {
        if (full_.load(std::memory_order_relaxed)) return;  // the common case: no lock
        std::lock_guard g(spawn_mu_);
        if (stopping_.load(std::memory_order_relaxed) || spawned_ >= max_workers_) return;
        const std::size_t index = spawned_++;
        if (spawned_ == max_workers_) full_.store(true, std::memory_order_relaxed);
        std::string name = prefix_ + "_" + std::to_string(index);
        auto self = shared_from_this();
        try {
            auto t =
                std::make_unique<thread>(thread::options{.name = std::move(name), .daemon = true},
                                         [self, index] { self->worker_main(index); });
            t->start();
            workers_.push_back(std::move(t));
        } catch (...) {
            --spawned_;
            full_.store(false, std::memory_order_relaxed);
            if (spawned_ == 0) throw;  // no worker at all: the job could never run
        }
    }

    job* find_job(std::size_t me) noexcept {
        if (job* j = locals_[me].deque.pop()) return j;
        // From the shared queue take a handful at once into our own deque:
        // fewer trips through the lock every submitter and worker shares.
        if (job* j = injection_.grab(15, locals_[me].deque)) return j;
        const std::size_t n = locals_.size();
        for (std::size_t k = 1; k < n; ++k)
            if (job* j = locals_[(me + k) % n].deque.steal()) return j;
        return nullptr;
    }

    void worker_main(std::size_t index) {
        const worker_id id{this, index};
        current_worker() = &id;
        current_waiting_helper() = this;
        if (init_) {
            try {
                init_();
            } catch (...) {
                break_pool();
                current_waiting_helper() = nullptr;
                current_worker() = nullptr;
                return;
            }
        }
        bool idle = false;  // handed in a token since the last job
        for (;;) {
            job* j = find_job(index);
            if (j == nullptr) {
                // Out of work: count as idle before spinning, so a submit in
                // the meantime claims this worker instead of starting one.
                if (!idle) {
                    idle_tokens_.fetch_add(1, std::memory_order_seq_cst);
                    idle = true;
                }
                for (spin_wait spin; spin.next();)
                    if (has_work() && (j = find_job(index)) != nullptr) break;
            }
            if (j != nullptr) {
                idle = false;
                j->run();
                continue;
            }
            if (stopping_.load(std::memory_order_seq_cst) && !has_work()) break;
            idle_.park_until(deadline::never(), [this] {
                return has_work() || stopping_.load(std::memory_order_seq_cst);
            });
        }
        current_waiting_helper() = nullptr;
        current_worker() = nullptr;
    }

    void abandon_all(const std::exception_ptr& why) noexcept {
        auto drain = [&](job_queue& q) {
            for (job* j : q.take_all()) j->abandon(why);
        };
        drain(injection_);
        // Worker deques can only be emptied by stealing; a job a worker takes
        // meanwhile simply runs (or sees its future cancelled).
        for (auto& q : locals_)
            while (job* j = q.deque.steal()) j->abandon(why);
    }

    void break_pool() noexcept {
        broken_.store(true, std::memory_order_seq_cst);
        abandon_all(std::make_exception_ptr(broken_executor(broken_message())));
        idle_.notify_all();
    }

    const std::size_t max_workers_;
    const std::string prefix_;
    const std::function<void()> init_;
    struct alignas(64) local_queue {
        ws_deque<job> deque;
    };
    job_queue injection_;
    std::vector<local_queue> locals_;
    alignas(64) std::atomic<std::size_t> idle_tokens_{0};
    // Read on every submit, written once: kept off the workers' lines.
    alignas(64) std::atomic<bool> stopping_{false};
    std::atomic<bool> broken_{false};
    waitlist idle_;
    std::mutex spawn_mu_;
    std::size_t spawned_ = 0;  // guarded by spawn_mu_
    std::atomic<bool> full_{
        false};  // spawned_ == max_workers_                       // guarded by spawn_mu_
    std::vector<std::unique_ptr<thread>> workers_;  // guarded by spawn_mu_
};

}  // namespace detail

namespace {
std::size_t default_workers() {
    const unsigned cpus = std::max(1u, std::thread::hardware_concurrency());
    return std::min<std::size_t>(32, cpus + 4);
}
}  // namespace

thread_pool_executor::thread_pool_executor(std::size_t max_workers, std::string prefix,
                                           std::function<void()> initializer) {
    if (max_workers == 0) max_workers = default_workers();
    if (prefix.empty())
        prefix = "ThreadPoolExecutor-" +
                 std::to_string(detail::executor_counter.fetch_add(1, std::memory_order_relaxed));
    pool_ = std::make_shared<detail::pool>(max_workers, std::move(prefix), std::move(initializer));
}

thread_pool_executor::~thread_pool_executor() { pool_->shutdown(true, false); }

void thread_pool_executor::shutdown(bool wait, bool cancel_futures) {
    pool_->shutdown(wait, cancel_futures);
}

std::size_t thread_pool_executor::max_workers() const noexcept { return pool_->max_workers(); }

void thread_pool_executor::enqueue(detail::job* j) { pool_->enqueue(j); }

}  // namespace weft
