// Seed 001: SharedCounter guards its value with a Lock (In [18]).
#include <weft/threading.hpp>

#include <cstdio>
#include <vector>

class shared_counter {
public:
    explicit shared_counter(long value) : value_(value) {}
    void increment(long delta = 1) {
        lock_.acquire();
        value_ += delta;
        lock_.release();
    }
    long get() {
        weft::guard with(lock_);
        return value_;
    }

private:
    long value_;
    weft::lock lock_;
};

int main() {
    shared_counter counter(0);
    std::vector<weft::thread> threads;
    for (int i = 0; i < 10; ++i)
        threads.emplace_back([&] {
            for (int k = 0; k < 10000; ++k) counter.increment();
        });
    for (auto& t : threads) t.start();
    for (auto& t : threads) t.join();
    std::printf("counter = %ld\n", counter.get());  // always 100000
}
