#pragma once
// Whole files in and out, for tests; failures throw so the test fails with the path.
#include <filesystem>
#include <string>
#include <vector>

namespace einlass::test {

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& content);

// The input files of a fuzz corpus or regressions folder, sorted; its README is left out.
std::vector<std::filesystem::path> fuzz_inputs(const std::filesystem::path& dir);

}  // namespace einlass::test
