#pragma once
// What a staff password must be: long enough to resist guessing through the throttle, short
// enough that hashing it cannot be used to tie up the server.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace einlass {

inline constexpr std::size_t kMinPasswordCharacters = 10;  // characters, not bytes: "ä" is one
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// Why `password` is refused ("a password needs at least 10 characters"), or nothing when it
// is acceptable. The message never repeats the password.
std::optional<std::string> password_policy_violation(std::string_view password);

}  // namespace einlass
