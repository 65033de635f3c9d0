#include "print/job_name.h"

namespace einlass {

namespace {

constexpr std::size_t kMaxLength = 100;

bool safe_in_file_name(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_';
}

}  // namespace

std::string job_file_stem(std::string_view job_name) {
  std::string stem;
  for (const char c : job_name) {
    if (safe_in_file_name(c)) {
      if (stem.empty() && c == '.') continue;
      stem += c;
    } else if (!stem.empty() && stem.back() != '_') {
      stem += '_';
    }
    if (stem.size() >= kMaxLength) break;
  }
  while (!stem.empty() && stem.back() == '_') stem.pop_back();
  return stem.empty() ? "badge" : stem;
}

std::string job_title(std::string_view job_name) {
  std::string title;
  for (const char c : job_name) {
    if (title.size() >= kMaxLength) break;
    const bool printable = c >= 0x20 && c < 0x7F;
    title += printable && c != '^' && c != '~' ? c : '_';
  }
  return title.empty() ? "badge" : title;
}

}  // namespace einlass
