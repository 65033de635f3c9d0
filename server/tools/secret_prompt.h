#pragma once
// Part of einlass-admin: a new secret (a staff password, a staff card's PIN), typed twice without
// echo at a terminal, or one line from stdin when a script pipes it in
// (`echo 'secret-pass' | einlass-admin staff add ...`).
#include <expected>
#include <string>
#include <string_view>

namespace einlass {

// Asks `prompt` ("PIN (4-8 digits)"), then for the same `what` ("PIN") again. The error says what
// went wrong ("the two PINs differ", "no PIN on stdin"); it never contains what was typed.
std::expected<std::string, std::string> read_secret_twice(std::string_view what,
                                                          std::string_view prompt);

}  // namespace einlass
