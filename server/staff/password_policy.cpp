#include "staff/password_policy.h"

namespace einlass {

namespace {

// UTF-8 code points: every byte that does not continue a sequence starts one.
std::size_t characters(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++count;
  }
  return count;
}

}  // namespace

std::optional<std::string> password_policy_violation(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) {
    return "a password may have at most " + std::to_string(kMaxPasswordBytes) + " bytes";
  }
  if (characters(password) < kMinPasswordCharacters) {
    return "a password needs at least " + std::to_string(kMinPasswordCharacters) + " characters";
  }
  if (password.find('\0') != std::string_view::npos) {
    return "a password may not contain a NUL character";
  }
  return std::nullopt;
}

}  // namespace einlass
