#pragma once
// Files einlass-admin must never overwrite (private keys, configs an operator may have edited):
// created with O_EXCL, so even a file that appears between a check and the write is kept.
#include <expected>
#include <filesystem>
#include <string_view>
#include <vector>

#include "admin/admin_error.h"

namespace einlass {

// Writes `content` to a file that must not exist yet, with `mode` (e.g. 0600 for a key) whatever
// the umask, flushed to disk. On failure nothing is left behind.
std::expected<void, AdminError> write_new_file(const std::filesystem::path& path,
                                               std::string_view content, unsigned mode);

// Fails naming the first path that exists, before anything is written.
std::expected<void, AdminError> refuse_existing(const std::vector<std::filesystem::path>& paths);

// A TOML basic string: quoted, with backslashes and quotes escaped.
std::string toml_string(std::string_view text);

}  // namespace einlass
