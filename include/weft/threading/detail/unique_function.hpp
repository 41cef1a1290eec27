#pragma once
// Internal: a move-only type-erased `void(std::stop_token)` callable, so a
// thread can own move-only targets and arguments (std::function cannot).

#include <functional>
#include <memory>
#include <stop_token>
#include <tuple>
#include <type_traits>
#include <utility>

namespace weft::detail {

class unique_function {
public:
    unique_function() = default;

    /// Binds `f` and `args` by value (decay-copied or moved, as std::thread).
    /// When `f` accepts a std::stop_token before `args`, it receives one.
    template <class F, class... Args>
    static unique_function bind(F&& f, Args&&... args) {
        using tuple = std::tuple<std::decay_t<F>, std::decay_t<Args>...>;
        struct model final : base {
            explicit model(tuple&& t) : bound(std::move(t)) {}
            // Called once: the target and its arguments are passed as rvalues, as
            // std::thread does, so move-only arguments work.
            void call(std::stop_token token) override {
                std::apply(
                    [&token](auto& fn, auto&... a) {
                        if constexpr (std::is_invocable_v<std::decay_t<decltype(fn)>,
                                                          std::stop_token,
                                                          std::decay_t<decltype(a)>...>)
                            std::invoke(std::move(fn), std::move(token), std::move(a)...);
                        else
                            std::invoke(std::move(fn), std::move(a)...);
                    },
                    bound);
            }
            tuple bound;
        };
        unique_function out;
        out.impl_ = std::make_unique<model>(tuple(std::forward<F>(f), std::forward<Args>(args)...));
        return out;
    }

    explicit operator bool() const noexcept { return impl_ != nullptr; }
    void operator()(std::stop_token token) { impl_->call(std::move(token)); }

private:
    struct base {
        virtual ~base() = default;
        virtual void call(std::stop_token token) = 0;
    };
    std::unique_ptr<base> impl_;
};

}  // namespace weft::detail
