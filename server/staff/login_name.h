#pragma once
// Staff login names: 1 to 64 of a-z, 0-9, '.', '_' and '-'. People type "Anna" as often as
// "anna", so ASCII capitals are folded before a login is checked or looked up.
#include <string>
#include <string_view>

namespace einlass {

inline constexpr std::size_t kMaxLoginBytes = 64;

// ASCII upper case to lower case; everything else stays as it is.
std::string normalise_login(std::string_view typed);

// True for a normalised login the schema accepts.
bool valid_login(std::string_view login);

// "a login is 1 to 64 characters of a-z, 0-9, '.', '_' and '-'"
std::string login_rule();

}  // namespace einlass
