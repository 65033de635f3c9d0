#include "staff/login_name.h"

#include <algorithm>

#include "base/text.h"

namespace einlass {

std::string normalise_login(std::string_view typed) {
  return ascii_lower(typed);
}

bool valid_login(std::string_view login) {
  if (login.empty() || login.size() > kMaxLoginBytes) return false;
  return std::ranges::all_of(login, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

std::string login_rule() {
  return "a login is 1 to " + std::to_string(kMaxLoginBytes) +
         " characters of a-z, 0-9, '.', '_' and '-'";
}

}  // namespace einlass
