#pragma once
// Einlass's TOML config files (kiosk.toml, server.toml), read the same way everywhere: every
// error names the key and says why, unknown sections and keys are refused as typos, and relative
// paths are relative to the file's folder, so a technician can fix a file without the source.
#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace einlass {

struct ConfigError {
  std::string key;  // "devices.printer"; empty for a syntax error
  std::string message;
  // "kiosk.toml: devices.printer: must be a string in quotes"
  std::string describe(const std::filesystem::path& file) const;
};

template <class T>
using ConfigResult = std::expected<T, ConfigError>;

inline std::unexpected<ConfigError> config_error(std::string key, std::string message) {
  return std::unexpected(ConfigError{std::move(key), std::move(message)});
}

// Section name → the keys it may hold.
using ConfigKeys = std::map<std::string, std::set<std::string>, std::less<>>;

class ConfigFile {
 public:
  // A syntax error names line and column; a section or key not in `known` is refused.
  static ConfigResult<ConfigFile> parse(std::string_view toml_text, const ConfigKeys& known,
                                        std::filesystem::path folder);
  ConfigFile(ConfigFile&&) noexcept;
  ConfigFile& operator=(ConfigFile&&) noexcept;
  ~ConfigFile();

  bool has_section(std::string_view table) const;
  // Strings must be non-empty when present.
  ConfigResult<std::optional<std::string>> optional_string(std::string_view table,
                                                           std::string_view key) const;
  ConfigResult<std::string> required_string(std::string_view table, std::string_view key) const;
  ConfigResult<std::optional<std::int64_t>> optional_integer(std::string_view table,
                                                             std::string_view key, std::int64_t min,
                                                             std::int64_t max) const;
  // One string or a list of them; empty when absent.
  ConfigResult<std::vector<std::string>> string_list(std::string_view table,
                                                     std::string_view key) const;
  // A required string taken as a path relative to the config's folder.
  ConfigResult<std::filesystem::path> required_path(std::string_view table,
                                                    std::string_view key) const;
  const std::filesystem::path& folder() const;

 private:
  struct Impl;
  explicit ConfigFile(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Reads `file` and hands its text and folder to `parse`; errors come back as one line naming
// the file ("kiosk.toml: devices.printer: is missing").
template <class Config>
std::expected<Config, std::string> load_config_file(
    const std::filesystem::path& file,
    const std::function<ConfigResult<Config>(std::string_view, const std::filesystem::path&)>&
        parse);

// The file's whole text, or "<file>: cannot be read".
std::expected<std::string, std::string> read_config_text(const std::filesystem::path& file);

template <class Config>
std::expected<Config, std::string> load_config_file(
    const std::filesystem::path& file,
    const std::function<ConfigResult<Config>(std::string_view, const std::filesystem::path&)>&
        parse) {
  auto text = read_config_text(file);
  if (!text) return std::unexpected(text.error());
  auto config = parse(*text, file.parent_path());
  if (!config) return std::unexpected(config.error().describe(file));
  return std::move(*config);
}

}  // namespace einlass
