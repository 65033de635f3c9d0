#pragma once
// Small text helpers shared by the parsers.
#include <string>
#include <string_view>

namespace einlass {

// Removes ASCII spaces, tabs, CR and LF at both ends (what handheld scanners and CSV cells add).
std::string_view trim(std::string_view s);

bool is_valid_utf8(std::string_view s);

}  // namespace einlass
