#pragma once
// Parallel loops over any executor — joblib's Parallel/delayed and the loops a
// C++ user expects: parallel_for, parallel_map, parallel_reduce.
//
//     weft::thread_pool_executor ex(2);
//     weft::parallel_for(ex, 0, n, [&](std::size_t i) { out[i] = f(in[i]); });
//     auto squares = weft::parallel_map(ex, items, [](int x) { return x * x; });
//     long sum = weft::parallel_reduce(ex, items, 0L, [](int x) { return long(x); },
//     std::plus<>()); auto parts = weft::parallel(ex)(calls);   // calls: std::vector of
//     weft::delayed(f)(args...)
//
// Batching: unless a chunk size is given, items are grouped so that a batch
//   takes a few milliseconds (joblib's adaptive batching): the loop times the
//   first items in the calling thread, then sizes batches from that, keeping
//   at least four batches per worker for balance. Small loops run inline.
// Errors: the exception of the first failing batch (in input order) is thrown
//   to the caller once every batch has finished or been cancelled; batches not
//   yet started are cancelled as soon as a failure is seen.
// Executor: anything with submit(f) -> weft::future and max_workers().
// Blocking: blocks the calling thread until the loop is done; called on a
//   weft pool worker, it runs the loop's batches itself while it waits.

#include <weft/errors.hpp>
#include <weft/futures/future.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <exception>
#include <functional>
#include <iterator>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace weft {

/// Target duration of one batch when the loop sizes batches itself.
inline constexpr std::chrono::microseconds parallel_batch_target{2000};

namespace detail {

/// Runs body(i) for i in [begin, end) on `ex` in batches; returns when all
/// batches are done, rethrowing the first failure.
template <class Executor, class Body>
void run_batched(Executor& ex, std::size_t begin, std::size_t end, Body& body, std::size_t chunk) {
    if (begin >= end) return;
    if (chunk == 0) {
        // Time the first items here, doubling until they take ~1/20 of a batch.
        using clock = std::chrono::steady_clock;
        std::size_t probe = 1;
        const auto t0 = clock::now();
        std::size_t done = 0;
        while (begin + done < end) {
            const std::size_t stop = std::min(end, begin + done + probe);
            for (std::size_t i = begin + done; i < stop; ++i) body(i);
            done = stop - begin;
            if (clock::now() - t0 >= parallel_batch_target / 20) break;
            probe *= 2;
        }
        begin += done;
        if (begin >= end) return;
        const double per_item =
            std::chrono::duration<double, std::micro>(clock::now() - t0).count() /
            static_cast<double>(done);
        const double target = static_cast<double>(parallel_batch_target.count());
        chunk = per_item > 0 ? static_cast<std::size_t>(target / per_item) : end - begin;
        const std::size_t workers = std::max<std::size_t>(1, ex.max_workers());
        const std::size_t balanced = (end - begin + 4 * workers - 1) / (4 * workers);
        chunk = std::clamp<std::size_t>(chunk, 1, std::max<std::size_t>(1, balanced));
    }
    std::vector<future<void>> batches;
    batches.reserve((end - begin + chunk - 1) / chunk);
    for (std::size_t lo = begin; lo < end; lo += chunk) {
        const std::size_t hi = std::min(end, lo + chunk);
        batches.push_back(ex.submit([&body, lo, hi] {
            for (std::size_t i = lo; i < hi; ++i) body(i);
        }));
    }
    std::exception_ptr first;
    for (auto& b : batches) {
        b.wait();
        if (!first && b.has_exception()) {
            first = b.exception();
            for (auto& other : batches) (void)other.cancel();
        }
    }
    // Wait out batches that were already running when we cancelled: `body`
    // lives on our stack.
    for (auto& b : batches) b.wait();
    if (first) std::rethrow_exception(first);
}

}  // namespace detail

/// f(i) for every i in [first, last). `chunk` 0 = adaptive.
template <class Executor, class Index, class F>
void parallel_for(Executor& ex, Index first, Index last, F f, std::size_t chunk = 0) {
    static_assert(std::is_integral_v<Index>);
    if (last <= first) return;
    auto body = [&](std::size_t k) { f(static_cast<Index>(first + static_cast<Index>(k))); };
    detail::run_batched(ex, 0, static_cast<std::size_t>(last - first), body, chunk);
}

/// f(item) for every item of a random-access range, results in order.
template <class Executor, class Range, class F>
auto parallel_map(Executor& ex, const Range& items, F f, std::size_t chunk = 0) {
    using item = decltype(*std::begin(items));
    using R = std::invoke_result_t<F&, item>;
    const std::size_t n = static_cast<std::size_t>(std::size(items));
    std::vector<std::optional<R>> slots(n);
    auto it = std::begin(items);
    auto body = [&](std::size_t i) { slots[i].emplace(f(it[static_cast<std::ptrdiff_t>(i)])); };
    detail::run_batched(ex, 0, n, body, chunk);
    std::vector<R> out;
    out.reserve(n);
    for (auto& s : slots) out.push_back(std::move(*s));
    return out;
}

/// reduce(... reduce(reduce(init, map(x0)), map(x1)) ...), with batches
/// reduced in parallel and then combined in order; `reduce` must be
/// associative, and `init` is used once.
template <class Executor, class Range, class T, class Map, class Reduce>
T parallel_reduce(Executor& ex, const Range& items, T init, Map map, Reduce reduce,
                  std::size_t chunk = 0) {
    const std::size_t n = static_cast<std::size_t>(std::size(items));
    if (n == 0) return init;
    auto it = std::begin(items);
    if (chunk == 0) {
        const std::size_t workers = std::max<std::size_t>(1, ex.max_workers());
        chunk = std::max<std::size_t>(1, (n + 4 * workers - 1) / (4 * workers));
    }
    const std::size_t batches = (n + chunk - 1) / chunk;
    std::vector<std::optional<T>> partial(batches);
    auto body = [&](std::size_t b) {
        const std::size_t lo = b * chunk, hi = std::min(n, lo + chunk);
        T acc = static_cast<T>(map(it[static_cast<std::ptrdiff_t>(lo)]));
        for (std::size_t i = lo + 1; i < hi; ++i)
            acc = reduce(std::move(acc), map(it[static_cast<std::ptrdiff_t>(i)]));
        partial[b].emplace(std::move(acc));
    };
    detail::run_batched(ex, 0, batches, body, 1);
    T acc = std::move(init);
    for (auto& p : partial) acc = reduce(std::move(acc), std::move(*p));
    return acc;
}

/// joblib's delayed(f)(args...): a call to run later, by weft::parallel.
template <class R>
class delayed_call {
public:
    template <class F, class... Args>
    explicit delayed_call(F f, Args... args)
        : call_([f = std::move(f), ... a = std::move(args)]() mutable -> R {
              return std::invoke(f, a...);
          }) {}
    R operator()() { return call_(); }

private:
    std::function<R()> call_;
};

template <class F>
auto delayed(F f) {
    return [f = std::move(f)](auto... args) {
        using R = std::invoke_result_t<F&, decltype(args)&...>;
        return delayed_call<R>(f, std::move(args)...);
    };
}

/// joblib's Parallel(n_jobs) over an executor: runs a batch of delayed calls
/// and returns their results in order.
template <class Executor>
class parallel {
public:
    explicit parallel(Executor& ex, std::size_t chunk = 0) : ex_(ex), chunk_(chunk) {}

    template <class R>
    std::vector<R> operator()(std::vector<delayed_call<R>> calls) {
        static_assert(!std::is_void_v<R>, "parallel() collects results: the calls must return one");
        std::vector<std::optional<R>> slots(calls.size());
        auto body = [&](std::size_t i) { slots[i].emplace(calls[i]()); };
        detail::run_batched(ex_, 0, calls.size(), body, chunk_);
        std::vector<R> out;
        out.reserve(slots.size());
        for (auto& s : slots) out.push_back(std::move(*s));
        return out;
    }

private:
    Executor& ex_;
    std::size_t chunk_;
};

}  // namespace weft
