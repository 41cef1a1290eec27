// Seed 000: "С локами приходится думать" — func_a takes lock_a then lock_b,
// func_b takes them the other way round (In [18]). Run concurrently they can
// deadlock. weft's lock-order check reports the inversion the first time it
// is seen, even when this run happens not to hang.
#include <weft/threading.hpp>

#include <cstdio>

weft::lock lock_a("lock_a");
weft::lock lock_b("lock_b");

void func_a() {
    weft::guard a(lock_a);
    weft::guard b(lock_b);
}

void func_b() {
    weft::guard b(lock_b);
    weft::guard a(lock_a);
}

int main() {
    if (!weft::lock_order_check_enabled) {
        std::puts(
            "built without WEFT_LOCK_ORDER_CHECK: configure with the dev preset to see "
            "the report");
    }
    weft::set_lock_order_handler([](const weft::lock_order_violation& v) {
        std::printf("caught: %s\n", v.message.c_str());
    });
    // One after the other, so this demonstration itself can never hang.
    weft::thread t1({.name = "Thread-A"}, func_a);
    t1.start();
    t1.join();
    weft::thread t2({.name = "Thread-B"}, func_b);
    t2.start();
    t2.join();
    std::puts("both functions ran; the inverted order was reported above");
}
