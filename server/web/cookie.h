#pragma once
// The session cookie: found in a Cookie header, and the Set-Cookie that gives or clears it.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace einlass {

inline constexpr std::string_view kSessionCookie = "einlass_session";

// The value of cookie `name` in a Cookie header ("a=1; einlass_session=xyz"), if present.
std::optional<std::string_view> find_cookie(std::string_view header, std::string_view name);

// Secure, HttpOnly, SameSite=Strict, for the whole site; max_age 0 clears it.
std::string session_cookie(std::string_view token, std::chrono::seconds max_age);

}  // namespace einlass
