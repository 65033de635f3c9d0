#include "web/cookie.h"

namespace einlass {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

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
