// Seed 000: 1000 threads increment x with a pause between read and write
// (In [42]: x ends at 916), then the same under a lock (In [16], In [17]: 1000).
//
// In C++ an unsynchronised `x += 1` from many threads is undefined behaviour,
// not just a lost update, so the racy version reads and writes an atomic in
// two separate steps: the same lost updates, without UB.
#include <weft/threading.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

template <class Worker>
void run_1000(Worker worker) {
    std::vector<weft::thread> threads;
    threads.reserve(1000);
    for (int i = 0; i < 1000; ++i) threads.emplace_back(worker, i);
    for (auto& t : threads) t.start();
    for (auto& t : threads) t.join();
}

int main() {
    std::atomic<int> x{0};
    run_1000([&](int) {
        const int old_x = x.load();
        std::this_thread::sleep_for(10us);
        x.store(old_x + 1);
    });
    std::printf("without a lock: x = %d (updates lost)\n", x.load());

    // "Решение первое: в лоб" — acquire/release by hand.
    int y = 0;
    weft::lock lock;
    run_1000([&](int) {
        lock.acquire();
        const int old_y = y;
        std::this_thread::sleep_for(10us);
        y = old_y + 1;
        lock.release();
    });
    std::printf("acquire/release: x = %d\n", y);

    // "Чуть более правильное решение" — `with lock:` is weft::guard.
    int z = 0;
    run_1000([&](int) {
        weft::guard with(lock);
        const int old_z = z;
        std::this_thread::sleep_for(10us);
        z = old_z + 1;
    });
    std::printf("with lock: x = %d\n", z);
}
