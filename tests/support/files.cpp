#include "support/files.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace einlass::test {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in{path, std::ios::binary};
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return {std::istreambuf_iterator<char>{in}, {}};
}

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::ofstream out{path, std::ios::binary};
  out << content;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

std::vector<std::filesystem::path> fuzz_inputs(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator{dir})
    if (entry.is_regular_file() && !entry.path().filename().string().starts_with("README"))
      out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace einlass::test
