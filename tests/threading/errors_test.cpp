#include <weft/errors.hpp>

#include <gtest/gtest.h>

#include <stdexcept>
#include <type_traits>

TEST(Errors, OneHierarchyUnderWeftError) {
    static_assert(std::is_base_of_v<std::runtime_error, weft::error>);
    static_assert(std::is_base_of_v<weft::error, weft::runtime_error>);
    static_assert(std::is_base_of_v<weft::error, weft::value_error>);
    static_assert(std::is_base_of_v<weft::error, weft::timeout_error>);
    static_assert(std::is_base_of_v<weft::error, weft::cancelled_error>);
    static_assert(std::is_base_of_v<weft::runtime_error, weft::broken_barrier_error>);
    static_assert(std::is_base_of_v<weft::error, weft::full>);
    static_assert(std::is_base_of_v<weft::error, weft::empty>);
    static_assert(std::is_base_of_v<weft::error, weft::shut_down>);
    try {
        throw weft::shut_down();
    } catch (const weft::error& e) {
        EXPECT_STREQ(e.what(), "queue is shut down");
    }
}

TEST(Errors, MessagesNameTheProblem) {
    EXPECT_STREQ(weft::full().what(), "queue is full");
    EXPECT_STREQ(weft::empty().what(), "queue is empty");
    EXPECT_STREQ(weft::broken_barrier_error().what(), "broken barrier");
    EXPECT_STREQ(weft::value_error("bad").what(), "bad");
}
