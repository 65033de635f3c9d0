#pragma once
// Whole files in and out, for tests; failures throw so the test fails with the path.
#include <filesystem>
#include <string>

namespace einlass::test {

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& content);

}  // namespace einlass::test
