// Seed 001: a Python Lock has no owner, so another thread may release it
// (In [20]-[22]); the notes wait 15 s, the tour 200 ms.
#include <weft/threading.hpp>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace std::chrono_literals;

weft::lock done;

void idle_release() {
    std::puts("Running!");
    std::this_thread::sleep_for(200ms);
    done.release();
}

int main() {
    std::printf("%s\n", done.acquire() ? "True" : "False");
    weft::thread(idle_release).start();
    if (done.acquire()) std::puts("WAT?");  // acquired again once the other thread released
    done.release();
}
