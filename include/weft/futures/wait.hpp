#pragma once
// weft::wait — Python's concurrent.futures.wait: block until all, the first,
// or the first failing of a set of futures is done.
//
//     auto [done, not_done] = weft::wait(fs, 2s, weft::return_when::first_completed);
//
// Returns when the condition holds or the timeout passes (no exception on
// timeout, as Python): `done` then holds the futures done at that moment,
// `not_done` the rest, each in the order given. Accepts futures from any
// executor. first_exception returns when any future fails with an exception,
// or when all are done. Thread safety: may be called from any thread; futures
// may complete in any thread. Blocking: blocks the calling thread.

#include <weft/chrono.hpp>
#include <weft/futures/future.hpp>
#include <weft/threading/event.hpp>

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

namespace weft {

enum class return_when { all_completed, first_completed, first_exception };

template <class T>
struct wait_result {
    std::vector<future<T>> done;
    std::vector<future<T>> not_done;
};

template <class T>
wait_result<T> wait(const std::vector<future<T>>& futures,
                    std::optional<seconds> timeout = std::nullopt,
                    return_when when = return_when::all_completed) {
    struct shared {
        std::atomic<std::size_t> remaining;
        event ready;
    };
    auto st = std::make_shared<shared>();
    st->remaining = futures.size();
    if (futures.empty()) st->ready.set();
    for (const auto& f : futures)
        f.add_done_callback([st, when](const future<T>& g) {
            const bool last = st->remaining.fetch_sub(1) == 1;
            const bool failed = !g.cancelled() && g.has_exception();
            if (last || when == return_when::first_completed ||
                (when == return_when::first_exception && failed))
                st->ready.set();
        });
    st->ready.wait(timeout);
    wait_result<T> out;
    for (const auto& f : futures) (f.done() ? out.done : out.not_done).push_back(f);
    return out;
}

}  // namespace weft
