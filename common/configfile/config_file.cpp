#include "configfile/config_file.h"

#include <toml++/toml.h>

#include <fstream>
#include <sstream>

namespace einlass {

namespace {

// A name as the file spells it: bare, or quoted when it is empty or holds anything a bare TOML
// key may not (so an error about `"" = 1` still names what it refuses).
std::string shown(std::string_view name) {
  const bool bare = !name.empty() && name.find_first_not_of(
                                         "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                         "0123456789_-") == std::string_view::npos;
  if (bare) return std::string(name);
  std::string out = "\"";
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7f) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string dotted(std::string_view table, std::string_view key) {
  return shown(table) + "." + shown(key);
}

ConfigResult<void> check_known_keys(const toml::table& root, const ConfigKeys& known) {
  for (const auto& [table_key, node] : root) {
    const auto table_name = std::string(table_key.str());
    const auto keys = known.find(table_name);
    if (keys == known.end()) return config_error(shown(table_name), "unknown section");
    const auto* table = node.as_table();
    if (!table) return config_error(table_name, "must be a section ([" + table_name + "])");
    for (const auto& [key, value] : *table)
      if (!keys->second.contains(std::string(key.str())))
        return config_error(dotted(table_name, key.str()), "unknown key");
  }
  return {};
}

}  // namespace

struct ConfigFile::Impl {
  toml::table root;
  std::filesystem::path folder;

  const toml::node* find(std::string_view table, std::string_view key) const {
    const auto* section = root[table].as_table();
    return section ? section->get(key) : nullptr;
  }
};

std::string ConfigError::describe(const std::filesystem::path& file) const {
  return file.string() + ": " + (key.empty() ? "" : key + ": ") + message;
}

ConfigResult<ConfigFile> ConfigFile::parse(std::string_view toml_text, const ConfigKeys& known,
                                           std::filesystem::path folder) {
  auto impl = std::make_unique<Impl>();
  impl->folder = std::move(folder);
  try {
    impl->root = toml::parse(toml_text);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    return config_error("", "line " + std::to_string(where.line) + ", column " +
                                std::to_string(where.column) + ": " + std::string(e.description()));
  }
  if (auto ok = check_known_keys(impl->root, known); !ok) return std::unexpected(ok.error());
  return ConfigFile(std::move(impl));
}

ConfigFile::ConfigFile(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ConfigFile::ConfigFile(ConfigFile&&) noexcept = default;
ConfigFile& ConfigFile::operator=(ConfigFile&&) noexcept = default;
ConfigFile::~ConfigFile() = default;

bool ConfigFile::has_section(std::string_view table) const {
  return impl_->root.contains(table);
}

const std::filesystem::path& ConfigFile::folder() const {
  return impl_->folder;
}

ConfigResult<std::optional<std::string>> ConfigFile::optional_string(std::string_view table,
                                                                     std::string_view key) const {
  const auto* node = impl_->find(table, key);
  if (!node) return std::nullopt;
  const auto* value = node->as_string();
  if (!value) return config_error(dotted(table, key), "must be a string in quotes");
  if (value->get().empty()) return config_error(dotted(table, key), "must not be empty");
  return value->get();
}

ConfigResult<std::string> ConfigFile::required_string(std::string_view table,
                                                      std::string_view key) const {
  auto value = optional_string(table, key);
  if (!value) return std::unexpected(value.error());
  if (!*value) return config_error(dotted(table, key), "is missing");
  return **value;
}

ConfigResult<std::optional<std::int64_t>> ConfigFile::optional_integer(std::string_view table,
                                                                       std::string_view key,
                                                                       std::int64_t min,
                                                                       std::int64_t max) const {
  const auto* node = impl_->find(table, key);
  if (!node) return std::nullopt;
  const auto* value = node->as_integer();
  if (!value) return config_error(dotted(table, key), "must be a whole number");
  if (value->get() < min || value->get() > max)
    return config_error(dotted(table, key),
                        "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return value->get();
}

ConfigResult<std::vector<std::string>> ConfigFile::string_list(std::string_view table,
                                                               std::string_view key) const {
  const auto* node = impl_->find(table, key);
  if (!node) return std::vector<std::string>{};
  if (const auto* single = node->as_string()) return std::vector<std::string>{single->get()};
  const auto* array = node->as_array();
  if (!array) return config_error(dotted(table, key), "must be a string or a list of strings");
  std::vector<std::string> out;
  for (const auto& item : *array) {
    const auto* text = item.as_string();
    if (!text || text->get().empty())
      return config_error(dotted(table, key), "must hold only non-empty strings");
    out.push_back(text->get());
  }
  return out;
}

ConfigResult<std::filesystem::path> ConfigFile::required_path(std::string_view table,
                                                              std::string_view key) const {
  auto text = required_string(table, key);
  if (!text) return std::unexpected(text.error());
  return (impl_->folder / *text).lexically_normal();
}

std::expected<std::string, std::string> read_config_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::unexpected(file.string() + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace einlass
