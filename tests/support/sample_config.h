#pragma once
// Reads the commented sample configs in deploy/config/ the way a technician does: which keys they
// show in which section, switched on or commented out as an alternative.
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace einlass::test {

// deploy/config/<name> in the source tree.
std::filesystem::path sample_config_path(const std::string& name);

// Every "section.key" the sample shows, whether set ("key = ...") or commented ("# key = ...").
std::set<std::string> sample_keys(const std::string& toml_text);

// For each commented "# key = value" line: a label ("section.key, line N") and the sample with
// that line switched on instead of the section's active line for the same key.
std::vector<std::pair<std::string, std::string>> sample_alternatives(const std::string& toml_text);

}  // namespace einlass::test
