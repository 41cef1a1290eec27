// Seed 002: the lecture's list of threading's primitives — Lock, RLock,
// Semaphore, BoundedSemaphore, Event, Timer, Barrier — plus threading.local
// (`my_data.x = 42`) and the queue module's Queue, LifoQueue, PriorityQueue,
// each in a few lines.
#include <weft/queue.hpp>
#include <weft/threading.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

using namespace std::chrono_literals;

int main() {
    weft::rlock r;
    {
        weft::guard outer(r);
        weft::guard inner(r);  // an RLock may be re-acquired by its owner
        std::puts("RLock acquired twice by one thread");
    }

    weft::bounded_semaphore slots(2);
    {
        weft::guard a(slots);
        weft::guard b(slots);
        std::printf("Semaphore exhausted: acquire(blocking=False) -> %s\n",
                    slots.acquire(false) ? "True" : "False");
    }
    try {
        slots.release();
    } catch (const weft::value_error& e) {
        std::printf("BoundedSemaphore: %s\n", e.what());
    }

    weft::event ready;
    weft::timer timer(50ms, [&] {
        std::puts("Timer fired");
        ready.set();
    });
    timer.start();
    ready.wait();
    std::printf("Event is_set: %s\n", ready.is_set() ? "True" : "False");

    weft::barrier barrier(3, [] { std::puts("Barrier: all 3 arrived"); });
    std::vector<weft::thread> parties;
    for (int i = 0; i < 3; ++i) parties.emplace_back([&] { barrier.wait(); });
    for (auto& t : parties) t.start();
    for (auto& t : parties) t.join();

    struct data {
        int x = 0;
    };
    weft::local<data> my_data;
    my_data->x = 42;
    weft::thread other([&] { std::printf("other thread sees my_data.x = %d\n", my_data->x); });
    other.start();
    other.join();
    std::printf("main thread sees my_data.x = %d\n", my_data->x);

    weft::queue<int> fifo;
    weft::lifo_queue<int> lifo;
    weft::priority_queue<std::pair<int, std::string>> prio;
    for (int i = 1; i <= 3; ++i) {
        fifo.put(i);
        lifo.put(i);
    }
    prio.put({2, "normal"});
    prio.put({1, "urgent"});
    prio.put({3, "later"});
    std::printf("Queue:");
    while (!fifo.empty()) std::printf(" %d", fifo.get());
    std::printf("\nLifoQueue:");
    while (!lifo.empty()) std::printf(" %d", lifo.get());
    std::printf("\nPriorityQueue:");
    while (!prio.empty()) std::printf(" %s", prio.get().second.c_str());
    std::printf("\n");
}
