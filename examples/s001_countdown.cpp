// Seed 001: countdown in a thread, as a target function (In [27]) and as a
// Thread subclass overriding run() (In [5]). The notes sleep 1 s per step;
// the tour uses 100 ms.
#include <weft/threading.hpp>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace std::chrono_literals;

void countdown(int n) {
    for (int i = 0; i < n; ++i) {
        std::printf("%d left\n", n - i - 1);
        std::this_thread::sleep_for(100ms);
    }
}

class countdown_thread : public weft::thread {
public:
    explicit countdown_thread(int n) : n_(n) {}

protected:
    void run() override {  // called by start()
        for (int i = 0; i < n_; ++i) {
            std::printf("%d left\n", n_ - i - 1);
            std::this_thread::sleep_for(100ms);
        }
    }

private:
    int n_;
};

int main() {
    weft::thread t(countdown, 4);
    t.start();
    std::this_thread::sleep_for(250ms);
    std::puts("down");  // printed while the countdown goes on (In [4])
    t.join();

    countdown_thread c(3);
    c.start();
    c.join();
}
