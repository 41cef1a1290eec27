// Seed 001: the queue module's worker/master (In [1]): the worker marks each
// item with task_done(), the master's join() returns when all are processed.
#include <weft/queue.hpp>
#include <weft/threading.hpp>

#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

void do_something(int item) {
    std::this_thread::sleep_for(5ms);
    std::printf("processed %d\n", item);
}

std::vector<int> source() { return {1, 2, 3, 4, 5}; }

void worker(weft::queue<int>& q) {
    for (;;) {
        int item;
        try {
            item = q.get();  // blocks until the next item
        } catch (const weft::shut_down&) {
            return;  // Python 3.13's way to end a `while True` worker
        }
        do_something(item);
        q.task_done();
    }
}

void master(weft::queue<int>& q) {
    for (int item : source()) q.put(item);
    q.join();  // blocks until every item is processed
    std::puts("all items processed");
}

int main() {
    weft::queue<int> q;
    weft::thread w(worker, std::ref(q));
    w.start();
    master(q);
    q.shutdown();
    w.join();
}
