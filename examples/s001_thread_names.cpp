// Seed 001: names (In [8], In [9]), ident (In [10]), enumerate() (In [11]),
// join() twice (In [12]), is_alive() (In [13]) and daemon (In [15]).
#include <weft/threading.hpp>

#include <chrono>
#include <cstdio>
#include <thread>

using namespace std::chrono_literals;

void sleep_for(double s) { std::this_thread::sleep_for(weft::seconds{s}); }

int main() {
    std::printf("%s\n", weft::thread().name().c_str());                            // 'Thread-1'
    std::printf("%s\n", weft::thread({.name = "NumberCruncher"}).name().c_str());  // named

    weft::thread t;
    t.start();
    std::printf("ident = %llu\n", static_cast<unsigned long long>(t.ident()));
    t.join();

    weft::thread sleeper(sleep_for, 0.2);
    sleeper.start();
    for (const auto& th : weft::enumerate())
        std::printf("<%s, started%s %lld>\n", th.name().c_str(), th.daemon() ? " daemon" : "",
                    static_cast<long long>(th.native_id()));
    std::printf("is_alive: %s\n", sleeper.is_alive() ? "True" : "False");
    sleeper.join();  // blocks until the sleep ends
    sleeper.join();  // returns at once
    std::printf("is_alive: %s\n", sleeper.is_alive() ? "True" : "False");

    weft::thread d({.daemon = true}, sleep_for, 5.0);
    d.start();
    std::printf("daemon: %s\n", d.daemon() ? "True" : "False");
    // main returns now: the daemon thread is not waited for, as in Python.
}
