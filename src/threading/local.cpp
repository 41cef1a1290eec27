// Ownership of local<T> values: each local_base owns its values, keyed by the
// owning thread's slot table; each thread keeps, in a thread_local table, a
// lock-free id -> value map for fast lookup. Ids are never reused, so a stale
// entry left by a destroyed local is never found again. Thread exit and local
// destruction meet under one global mutex, so neither frees what the other
// is freeing.

#include <weft/threading/local.hpp>

#include <atomic>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace weft::detail {

namespace {
std::mutex& registry_mu() {
    static auto* mu = new std::mutex;
    return *mu;
}
// Live locals by id (guarded by registry_mu()).
std::unordered_map<std::uint64_t, local_base*>& live_locals() {
    static auto* m = new std::unordered_map<std::uint64_t, local_base*>;
    return *m;
}
std::atomic<std::uint64_t> next_local_id{1};
}  // namespace

struct local_thread_slots {
    std::unordered_map<std::uint64_t, void*> values;  // only this thread reads it
    ~local_thread_slots() {
        std::lock_guard g(registry_mu());
        for (const auto& [id, value] : values) {
            auto it = live_locals().find(id);
            if (it != live_locals().end()) it->second->erase_thread(this);
        }
    }
};

namespace {
thread_local local_thread_slots tls_slots;
}

local_base::local_base() : id_(next_local_id.fetch_add(1)) {
    std::lock_guard g(registry_mu());
    live_locals().emplace(id_, this);
}

local_base::~local_base() = default;

void* local_base::find() const noexcept {
    auto it = tls_slots.values.find(id_);
    return it == tls_slots.values.end() ? nullptr : it->second;
}

void* local_base::adopt(std::unique_ptr<void, void (*)(void*)> value) {
    void* raw = value.get();
    tls_slots.values.emplace(id_, raw);
    std::lock_guard g(mu_);
    values_.insert_or_assign(&tls_slots, std::move(value));
    return raw;
}

void local_base::erase_thread(const void* slots) noexcept {
    std::unique_ptr<void, void (*)(void*)> doomed(nullptr, [](void*) {});
    {
        std::lock_guard g(mu_);
        auto it = values_.find(slots);
        if (it == values_.end()) return;
        doomed = std::move(it->second);
        values_.erase(it);
    }
}

void local_base::destroy_all() noexcept {
    {
        std::lock_guard g(registry_mu());
        live_locals().erase(id_);
    }
    tls_slots.values.erase(id_);
    std::unordered_map<const void*, std::unique_ptr<void, void (*)(void*)>> doomed;
    {
        std::lock_guard g(mu_);
        doomed.swap(values_);
    }
}

}  // namespace weft::detail
