// Seed 000: five threads, each prints its number (In [41]).
//   threads = [Thread(target=worker, args=(i,)) for i in range(5)]
#include <weft/threading.hpp>

#include <cstdio>
#include <vector>

void worker(int num) { std::printf("Worker: %d\n", num); }

int main() {
    std::vector<weft::thread> threads;
    for (int i = 0; i < 5; ++i) threads.emplace_back(worker, i);
    for (auto& t : threads) t.start();
    for (auto& t : threads) t.join();
}
