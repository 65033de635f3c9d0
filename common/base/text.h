#pragma once
// Small text helpers shared by the parsers: blanks, ASCII case, UTF-8.
#include <optional>
#include <string>
#include <string_view>

namespace einlass {

// Removes ASCII spaces, tabs, CR and LF at both ends (what handheld scanners and CSV cells add).
std::string_view trim(std::string_view s);

bool is_blank(char c);

// Reads exactly `digits` decimal digits at `pos` into `out`; false if they are not all there.
bool read_fixed_digits(std::string_view text, std::size_t pos, std::size_t digits, int& out);

char ascii_lower(char c);
std::string ascii_lower(std::string_view s);
bool equals_ignoring_ascii_case(std::string_view a, std::string_view b);
bool starts_with_ignoring_ascii_case(std::string_view s, std::string_view prefix);

// The code points of `s`, or nullopt when it is not valid UTF-8 (truncated, overlong,
// surrogates, beyond U+10FFFF).
std::optional<std::u32string> decode_utf8(std::string_view s);
bool is_valid_utf8(std::string_view s);
void append_utf8(std::string& out, char32_t code_point);

// C0, DEL and C1: they have no place on a badge and can disturb printers and logs.
bool is_control_character(char32_t c);
// True for valid UTF-8 that holds a control character; false otherwise.
bool contains_control_character(std::string_view utf8);

}  // namespace einlass
