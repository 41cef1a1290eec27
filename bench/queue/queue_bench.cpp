// One producer, one consumer, bounded(1024) queue of int: items per second
// for weft::queue, moodycamel::BlockingConcurrentQueue, a std::mutex +
// std::condition_variable + std::deque queue, and Python's queue.Queue —
// all in this one run, unpinned and pinned (both threads on CPU 0), with the
// ratio to weft printed.
//
//   queue_bench [items=20000000] [repeats=5]

#include <weft/queue.hpp>

#include <pthread.h>

#include <algorithm>
#include <blockingconcurrentqueue.h>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <mutex>
#include <sched.h>
#include <string>
#include <thread>
#include <vector>

#include "../common/python_peer.hpp"

namespace {

constexpr std::size_t capacity = 1024;

class mutex_deque_queue {
public:
    void put(int v) {
        std::unique_lock l(mu_);
        not_full_.wait(l, [&] { return items_.size() < capacity; });
        items_.push_back(v);
        l.unlock();
        not_empty_.notify_one();
    }
    int get() {
        std::unique_lock l(mu_);
        not_empty_.wait(l, [&] { return !items_.empty(); });
        const int v = items_.front();
        items_.pop_front();
        l.unlock();
        not_full_.notify_one();
        return v;
    }

private:
    std::mutex mu_;
    std::condition_variable not_empty_, not_full_;
    std::deque<int> items_;
};

void pin(std::thread& t, bool pinned) {
    if (!pinned) return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(0, &set);
    pthread_setaffinity_np(t.native_handle(), sizeof(set), &set);
}

// Runs producer and consumer on two std::threads (the same harness for every
// queue), returns items per second.
double run_pair(long n, bool pinned, const std::function<void(long)>& produce,
                const std::function<long(long)>& consume) {
    long checksum = 0;
    const auto t0 = std::chrono::steady_clock::now();
    std::thread c([&] { checksum = consume(n); });
    std::thread p([&] { produce(n); });
    pin(c, pinned);
    pin(p, pinned);
    p.join();
    c.join();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (checksum != n * (n - 1) / 2) {
        std::fprintf(stderr, "checksum mismatch\n");
        std::exit(1);
    }
    return static_cast<double>(n) / s;
}

double best_of(int repeats, const std::function<double()>& f) {
    double best = 0;
    for (int i = 0; i < repeats; ++i) best = std::max(best, f());
    return best;
}

// Any queue with put(int) and get() -> int.
template <class Queue>
double put_get_queue(long n, bool pinned) {
    Queue q;
    return run_pair(
        n, pinned,
        [&](long k) {
            for (long i = 0; i < k; ++i) q.put(static_cast<int>(i));
        },
        [&](long k) {
            long s = 0;
            for (long i = 0; i < k; ++i) s += q.get();
            return s;
        });
}

struct weft_queue_1024 : weft::queue<int> {
    weft_queue_1024() : weft::queue<int>(capacity) {}
};

double moodycamel_queue(long n, bool pinned) {
    moodycamel::BlockingConcurrentQueue<int> q(capacity);
    return run_pair(
        n, pinned,
        [&](long k) {
            moodycamel::ProducerToken tok(q);
            for (long i = 0; i < k; ++i) q.enqueue(tok, static_cast<int>(i));
        },
        [&](long k) {
            moodycamel::ConsumerToken tok(q);
            long s = 0;
            int v = 0;
            for (long i = 0; i < k; ++i) {
                q.wait_dequeue(tok, v);
                s += v;
            }
            return s;
        });
}

double python_queue(long n, bool pinned) {
    return weft::bench::run_python_peer(std::string(pinned ? "taskset -c 0 " : "") + "python3 " +
                                        WEFT_PY_QUEUE_BENCH + " " + std::to_string(n) + " " +
                                        std::to_string(capacity));
}

}  // namespace

int main(int argc, char** argv) {
    const long n = argc > 1 ? std::atol(argv[1]) : 20'000'000;
    const int repeats = argc > 2 ? std::atoi(argv[2]) : 5;
    std::printf("SPSC bounded(%zu) int queue, %ld items, best of %d, %u CPUs\n", capacity, n,
                repeats, std::thread::hardware_concurrency());
    std::printf("%-34s %14s %14s\n", "queue", "unpinned/s", "pinned/s");
    struct row {
        const char* name;
        double unpinned, pinned;
    };
    std::vector<row> rows;
    auto measure = [&](const char* name, double (*f)(long, bool), long items, int reps) {
        const double u = best_of(reps, [&] { return f(items, false); });
        const double p = best_of(reps, [&] { return f(items, true); });
        rows.push_back({name, u, p});
        std::printf("%-34s %13.2fM %13.2fM\n", name, u / 1e6, p / 1e6);
    };
    measure("weft::queue", put_get_queue<weft_queue_1024>, n, repeats);
    measure("moodycamel::BlockingConcurrentQueue", moodycamel_queue, n, repeats);
    measure("std::mutex+condvar+deque", put_get_queue<mutex_deque_queue>, n, repeats);
    measure("python queue.Queue", python_queue, std::min(n, 400'000L), 1);
    std::printf("\nratio weft / peer (above 1: weft is faster)\n");
    for (std::size_t i = 1; i < rows.size(); ++i)
        std::printf("  vs %-34s unpinned %6.2fx   pinned %6.2fx\n", rows[i].name,
                    rows[0].unpinned / rows[i].unpinned, rows[0].pinned / rows[i].pinned);
}
