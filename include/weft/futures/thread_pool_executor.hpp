#pragma once
// weft::thread_pool_executor — Python's concurrent.futures.ThreadPoolExecutor,
// on a work-stealing pool.
//
//     weft::thread_pool_executor executor(4);
//     weft::future<int> f = executor.submit([](int a, int b) { return a + b; }, 2, 3);
//     f.result();                                   // 5
//     for (int x : executor.map(square, items)) …   // in order, lazily
//
// Scheduling: each worker owns a deque; a job submitted from a worker goes to
//   that worker's deque (taken newest-first by its owner, oldest-first by
//   thieves), a job submitted from outside goes to a shared injection queue.
//   Idle workers steal. Workers start on demand, as in Python, up to
//   max_workers; an idle worker spins briefly, then parks and costs nothing.
// Nested waits: a worker that waits on any weft future runs other jobs of
//   its pool meanwhile, so a job may submit jobs and wait for them (fork-join)
//   without deadlocking the pool, however few workers it has.
// Thread safety: submit(), map() and shutdown() may be called concurrently
//   from any threads, including the pool's own workers.
// Lifetime: the destructor calls shutdown(wait=true): queued jobs still run
//   and the destructor waits for them (unless shutdown(cancel_futures=true)
//   cancelled them first). Futures outlive the executor.
// Errors: a job's exception goes to its future. submit() after shutdown()
//   throws weft::runtime_error; if a worker's initializer throws, the pool is
//   broken: pending and later jobs fail with weft::broken_executor.
// Blocking: submit() never blocks; shutdown(wait=true) blocks the calling
//   thread until every worker has exited.

#include <weft/chrono.hpp>
#include <weft/errors.hpp>
#include <weft/futures/detail/job.hpp>
#include <weft/futures/future.hpp>
#include <weft/futures/map_result.hpp>

#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace weft {

namespace detail {
class pool;
}

class thread_pool_executor {
public:
    /// `max_workers` 0 means Python's default, min(32, cpu_count + 4).
    /// Workers are named "<prefix>_<n>" (default prefix
    /// "ThreadPoolExecutor-<k>"); `initializer` runs first in each worker.
    explicit thread_pool_executor(std::size_t max_workers = 0, std::string thread_name_prefix = {},
                                  std::function<void()> initializer = {});
    thread_pool_executor(const thread_pool_executor&) = delete;
    thread_pool_executor& operator=(const thread_pool_executor&) = delete;
    thread_pool_executor(thread_pool_executor&&) = delete;
    thread_pool_executor& operator=(thread_pool_executor&&) = delete;
    ~thread_pool_executor();

    /// Schedules `f(args...)` (bound by value, as std::thread); returns its
    /// future.
    template <class F, class... Args>
    auto submit(F&& f, Args&&... args) {
        using R = std::invoke_result_t<std::decay_t<F>, std::decay_t<Args>...>;
        auto bound = [fn = std::forward<F>(f), ... a = std::forward<Args>(args)]() mutable -> R {
            return std::invoke(std::move(fn), std::move(a)...);
        };
        auto* t = new detail::task<R, decltype(bound)>(std::move(bound));  // 2 references
        future<R> result = detail::future_access<R>::adopt(t);
        enqueue(t);
        return result;
    }

    /// Python's Executor.map: `f(item)` for every item, all submitted now
    /// (`chunksize` items per job), results returned lazily in order. The
    /// timeout counts from this call; an item's exception is thrown when the
    /// iteration reaches it. Destroying the result cancels what has not run.
    template <class F, class Range>
    auto map(F f, const Range& items, std::optional<seconds> timeout = std::nullopt,
             std::size_t chunksize = 1) {
        using item_type = std::decay_t<decltype(*std::begin(items))>;
        using R0 = std::invoke_result_t<F&, const item_type&>;
        using R = std::conditional_t<std::is_void_v<R0>, std::monostate, R0>;
        if (chunksize == 0) throw value_error("chunksize must be >= 1");
        auto shared_f = std::make_shared<F>(std::move(f));
        std::vector<future<std::vector<R>>> chunks;
        std::vector<item_type> chunk;
        auto flush = [&] {
            chunks.push_back(submit(
                [shared_f](const std::vector<item_type>& part) {
                    std::vector<R> out;
                    out.reserve(part.size());
                    for (const auto& item : part) {
                        if constexpr (std::is_void_v<R0>) {
                            (*shared_f)(item);
                            out.emplace_back();
                        } else {
                            out.push_back((*shared_f)(item));
                        }
                    }
                    return out;
                },
                std::move(chunk)));
            chunk = {};
        };
        for (const auto& item : items) {
            chunk.push_back(item);
            if (chunk.size() == chunksize) flush();
        }
        if (!chunk.empty()) flush();
        return map_result<R>(std::move(chunks), timeout);
    }

    /// Python's shutdown(wait=True, cancel_futures=False): no new jobs; with
    /// `cancel_futures` the queued ones are cancelled; with `wait` blocks
    /// until the workers are done. Calling it again is harmless.
    void shutdown(bool wait = true, bool cancel_futures = false);

    [[nodiscard]] std::size_t max_workers() const noexcept;

private:
    void enqueue(detail::job* j);

    std::shared_ptr<detail::pool> pool_;
};

}  // namespace weft
