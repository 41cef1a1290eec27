// Built against the installed package in CI: threads, a lock and a queue.
#include <weft/queue.hpp>
#include <weft/threading.hpp>

#include <cstdio>

int main() {
    weft::queue<int> q(4);
    weft::lock l;
    int total = 0;
    weft::thread consumer([&] {
        for (int i = 0; i < 100; ++i) {
            const int v = q.get();
            weft::guard g(l);
            total += v;
        }
    });
    consumer.start();
    for (int i = 1; i <= 100; ++i) q.put(i);
    consumer.join();
    std::printf("consumer: total = %d\n", total);
    return total == 5050 ? 0 : 1;
}
