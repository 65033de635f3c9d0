#pragma once
// Part of einlass-admin: a new staff password, typed twice without echo at a terminal, or one
// line from stdin when a script pipes it in (`echo 'secret-pass' | einlass-admin staff add ...`).
#include <expected>
#include <string>
#include <string_view>

namespace einlass {

// The error says what went wrong ("the two passwords differ", "no password on stdin"); it never
// contains what was typed.
std::expected<std::string, std::string> read_new_password(std::string_view login);

}  // namespace einlass
