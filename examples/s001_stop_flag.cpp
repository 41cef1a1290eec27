// Seed 001: Python has no way to kill a thread, so the notes stop one with a
// `_running` flag (In [17]). weft gives every thread a std::stop_token for it.
#include <weft/threading.hpp>

#include <chrono>
#include <cstdio>
#include <stop_token>
#include <thread>
#include <utility>

using namespace std::chrono_literals;

class task {
public:
    void run(std::stop_token token, int n) {
        long steps = 0;
        while (!token.stop_requested()) {
            ++steps;
            std::this_thread::sleep_for(1ms);
        }
        std::printf("task(%d) stopped after %s\n", n, steps > 0 ? "some steps" : "no steps");
    }
};

int main() {
    task c;
    weft::thread t([&c](std::stop_token token, int n) { c.run(std::move(token), n); }, 10);
    t.start();
    std::this_thread::sleep_for(50ms);
    t.request_stop();  // c.terminate()
    t.join();
}
