// Seed 001: the Executor interface (In [3]-[6]) and what a Future offers:
// state queries, result(), exception(), add_done_callback().
//   executor.submit(print, "Hello, world!")
//   list(executor.map(print, ["Knock?", "Knock!"]))
//   f = executor.submit(sorted, [4, 3, 1, 2]); f.running(), f.done(), f.cancelled()
#include <weft/futures.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

void print(const std::string& s) { std::printf("%s\n", s.c_str()); }

const char* py(bool b) { return b ? "True" : "False"; }

int main() {
    {
        weft::thread_pool_executor executor(4);
        executor.submit(print, "Hello, world!").result();
        auto knocks = executor.map(print, std::vector<std::string>{"Knock?", "Knock!"}).to_vector();
        std::printf("[%s]\n", knocks.size() == 2 ? "None, None" : "?");
        executor.shutdown();
    }

    weft::future<std::vector<int>> f;
    {
        weft::thread_pool_executor executor(4);  // `with ThreadPoolExecutor(...) as executor:`
        f = executor.submit(
            [](std::vector<int> v) {
                std::sort(v.begin(), v.end());
                return v;
            },
            std::vector<int>{4, 3, 1, 2});
    }  // leaving the block waits for the job
    std::printf("(%s, %s, %s)\n", py(f.running()), py(f.done()), py(f.cancelled()));
    std::printf("[");
    for (int x : f.result()) std::printf("%d%s", x, x == 4 ? "" : ", ");
    std::printf("]\n");
    std::printf("%s\n", f.exception() ? "an exception" : "None");
    f.add_done_callback([](const weft::future<std::vector<int>>& g) {
        std::printf("<Future state=finished returned vector of %zu>\n", g.result().size());
    });
}
