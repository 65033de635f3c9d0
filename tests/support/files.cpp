#include "support/files.h"

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

}  // namespace einlass::test
