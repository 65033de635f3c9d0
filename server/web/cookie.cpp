#include "web/cookie.h"

#include "base/text.h"

namespace einlass {

std::optional<std::string_view> find_cookie(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semicolon = header.find(';');
    const auto pair = trim(header.substr(0, semicolon));
    header =
        semicolon == std::string_view::npos ? std::string_view{} : header.substr(semicolon + 1);
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos) continue;
    if (trim(pair.substr(0, equals)) == name) return trim(pair.substr(equals + 1));
  }
  return std::nullopt;
}

std::string session_cookie(std::string_view token, std::chrono::seconds max_age) {
  return std::string(kSessionCookie) + "=" + std::string(token) +
         "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=" +
         std::to_string(max_age.count() < 0 ? 0 : max_age.count());
}

}  // namespace einlass
