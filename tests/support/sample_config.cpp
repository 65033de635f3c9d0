#include "support/sample_config.h"

#include <regex>
#include <sstream>

namespace einlass::test {

namespace {

struct SampleLine {
  std::string text;
  std::string section;
  std::string key;  // empty: not a key line
  bool commented = false;
};

std::vector<SampleLine> sample_lines(const std::string& toml_text) {
  static const std::regex kSection(R"(^\[([a-z_]+)\]\s*$)");
  // A key line, active or commented out as "# key = value"; prose never starts "word =".
  static const std::regex kKey(R"(^(# )?([a-z_]+) = .*$)");
  std::vector<SampleLine> lines;
  std::istringstream in(toml_text);
  std::string section;
  for (std::string text; std::getline(in, text);) {
    SampleLine line{text, section, "", false};
    std::smatch match;
    if (std::regex_match(text, match, kSection)) {
      section = match[1];
      line.section = section;
    } else if (std::regex_match(text, match, kKey)) {
      line.commented = match[1].matched;
      line.key = match[2];
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

std::filesystem::path sample_config_path(const std::string& name) {
  return std::filesystem::path(EINLASS_SOURCE_DIR) / "deploy" / "config" / name;
}

std::set<std::string> sample_keys(const std::string& toml_text) {
  std::set<std::string> keys;
  for (const auto& line : sample_lines(toml_text))
    if (!line.key.empty()) keys.insert(line.section + "." + line.key);
  return keys;
}

std::vector<std::pair<std::string, std::string>> sample_alternatives(const std::string& toml_text) {
  const auto lines = sample_lines(toml_text);
  std::vector<std::pair<std::string, std::string>> variants;
  for (std::size_t chosen = 0; chosen < lines.size(); ++chosen) {
    const auto& alternative = lines[chosen];
    if (alternative.key.empty() || !alternative.commented) continue;
    std::string text;
    for (std::size_t n = 0; n < lines.size(); ++n) {
      const auto& line = lines[n];
      const bool same_key = line.section == alternative.section && line.key == alternative.key;
      if (n == chosen)
        text += line.text.substr(2);
      else if (same_key && !line.commented)
        continue;
      else
        text += line.text;
      text += '\n';
    }
    variants.emplace_back(
        alternative.section + "." + alternative.key + ", line " + std::to_string(chosen + 1),
        std::move(text));
  }
  return variants;
}

}  // namespace einlass::test
