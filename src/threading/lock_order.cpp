// The lock-order graph: an edge A -> B means some thread blocked on B while
// holding A. A new edge that closes a cycle is a potential deadlock. One
// global mutex guards everything: this code runs only in checking builds.

#include <weft/threading/lock_order.hpp>
#include <weft/threading/thread.hpp>

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace weft {
namespace {

struct edge_info {
    std::string thread;  // who first took the two locks in this order
};

struct graph {
    std::mutex mu;
    std::unordered_map<const void*, std::string> names;
    std::unordered_map<const void*, std::unordered_map<const void*, edge_info>> edges;
    // Which locks each thread holds, by thread key; a lock released by another
    // thread (allowed for weft::lock) is removed from its acquirer's list.
    std::unordered_map<std::uint64_t, std::vector<const void*>> held;
    std::unordered_map<const void*, std::uint64_t> holder;
    std::set<std::pair<const void*, const void*>> reported;
    lock_order_handler handler;
};

graph& the_graph() {
    static auto* g = new graph;  // leaked: locks may outlive static destruction
    return *g;
}

std::string name_of(graph& g, const void* lock) {
    auto it = g.names.find(lock);
    if (it != g.names.end() && !it->second.empty()) return it->second;
    std::ostringstream out;
    out << "lock@" << lock;
    return out.str();
}

bool reaches(graph& g, const void* from, const void* to) {
    std::vector<const void*> stack{from};
    std::unordered_set<const void*> seen{from};
    while (!stack.empty()) {
        const void* at = stack.back();
        stack.pop_back();
        if (at == to) return true;
        auto it = g.edges.find(at);
        if (it == g.edges.end()) continue;
        for (const auto& [next, info] : it->second)
            if (seen.insert(next).second) stack.push_back(next);
    }
    return false;
}

void default_report(const lock_order_violation& v) {
    std::fprintf(stderr, "%s\n", v.message.c_str());
}

}  // namespace

namespace detail {
std::uint64_t this_thread_key() noexcept;
}

lock_order_handler set_lock_order_handler(lock_order_handler handler) {
    auto& g = the_graph();
    std::lock_guard guard(g.mu);
    return std::exchange(g.handler, std::move(handler));
}

namespace detail {

void lock_order_register(const void* lock, std::string name) {
    auto& g = the_graph();
    std::lock_guard guard(g.mu);
    g.names[lock] = std::move(name);
}

void lock_order_before_blocking(const void* lock) {
    auto& g = the_graph();
    std::vector<lock_order_violation> found;
    lock_order_handler handler;
    {
        std::lock_guard guard(g.mu);
        auto held = g.held.find(this_thread_key());
        if (held == g.held.end()) return;
        const std::string me = current_thread().name();
        for (const void* h : held->second) {
            if (h == lock) continue;
            auto& out = g.edges[h];
            if (out.count(lock) != 0) continue;
            // Does `lock` already (transitively) come before `h`? Then taking
            // `lock` while holding `h` inverts an order some thread used.
            if (reaches(g, lock, h) && g.reported.insert({h, lock}).second) {
                std::string other = "another thread";
                auto back = g.edges.find(lock);
                if (back != g.edges.end()) {
                    auto e = back->second.find(h);
                    if (e != back->second.end()) other = e->second.thread;
                }
                lock_order_violation v;
                v.held_lock = name_of(g, h);
                v.acquiring_lock = name_of(g, lock);
                v.thread = me;
                v.other_thread = other;
                v.message = "weft: potential deadlock (lock-order inversion): thread '" + me +
                            "' waits for '" + v.acquiring_lock + "' while holding '" + v.held_lock +
                            "', but thread '" + other + "' took '" + v.acquiring_lock +
                            "' before '" + v.held_lock +
                            "'. Take the two locks in one order everywhere.";
                found.push_back(std::move(v));
            }
            out.emplace(lock, edge_info{me});
        }
        handler = g.handler;
    }
    for (const auto& v : found) {
        if (handler)
            handler(v);
        else
            default_report(v);
    }
}

void lock_order_acquired(const void* lock) {
    auto& g = the_graph();
    std::lock_guard guard(g.mu);
    const auto me = this_thread_key();
    g.held[me].push_back(lock);
    g.holder[lock] = me;
}

void lock_order_released(const void* lock) {
    auto& g = the_graph();
    std::lock_guard guard(g.mu);
    auto who = g.holder.find(lock);
    if (who == g.holder.end()) return;
    auto held = g.held.find(who->second);
    if (held != g.held.end()) {
        auto& v = held->second;
        auto it = std::find(v.rbegin(), v.rend(), lock);
        if (it != v.rend()) v.erase(std::next(it).base());
        if (v.empty()) g.held.erase(held);
    }
    g.holder.erase(who);
}

void lock_order_forget(const void* lock) noexcept {
    auto& g = the_graph();
    std::lock_guard guard(g.mu);
    g.names.erase(lock);
    g.edges.erase(lock);
    for (auto& [from, out] : g.edges) out.erase(lock);
    for (auto it = g.reported.begin(); it != g.reported.end();) {
        if (it->first == lock || it->second == lock)
            it = g.reported.erase(it);
        else
            ++it;
    }
}

}  // namespace detail
}  // namespace weft
