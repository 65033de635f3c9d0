#include "config/server_config.h"

#include <toml++/toml.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace einlass {

namespace {

using Result = std::expected<void, ServerConfigError>;

std::unexpected<ServerConfigError> error(std::string key, std::string message) {
  return std::unexpected(ServerConfigError{std::move(key), std::move(message)});
}

const std::map<std::string, std::set<std::string>, std::less<>>& known_keys() {
  static const auto* keys = new std::map<std::string, std::set<std::string>, std::less<>>{
      {"server", {"database"}},
      {"sync",
       {"listen", "certificate", "private_key", "ca", "heartbeat_timeout_seconds",
        "max_connections"}},
  };
  return *keys;
}

Result check_known_keys(const toml::table& root) {
  for (const auto& [table_key, node] : root) {
    const auto table_name = std::string(table_key.str());
    const auto known = known_keys().find(table_name);
    if (known == known_keys().end()) return error(table_name, "unknown section");
    const auto* table = node.as_table();
    if (!table) return error(table_name, "must be a section ([" + table_name + "])");
    for (const auto& [key, value] : *table)
      if (!known->second.contains(std::string(key.str())))
        return error(table_name + "." + std::string(key.str()), "unknown key");
  }
  return {};
}

std::string dotted(std::string_view table, std::string_view key) {
  return std::string(table) + "." + std::string(key);
}

const toml::node* find(const toml::table& root, std::string_view table, std::string_view key) {
  const auto* section = root[table].as_table();
  return section ? section->get(key) : nullptr;
}

std::expected<std::string, ServerConfigError> required_string(const toml::table& root,
                                                              std::string_view table,
                                                              std::string_view key) {
  const auto* node = find(root, table, key);
  if (!node) return error(dotted(table, key), "is missing");
  const auto* value = node->as_string();
  if (!value) return error(dotted(table, key), "must be a string in quotes");
  if (value->get().empty()) return error(dotted(table, key), "must not be empty");
  return value->get();
}

std::expected<std::filesystem::path, ServerConfigError> required_path(
    const toml::table& root, std::string_view table, std::string_view key,
    const std::filesystem::path& folder) {
  auto text = required_string(root, table, key);
  if (!text) return std::unexpected(text.error());
  return (folder / *text).lexically_normal();
}

std::expected<std::optional<std::int64_t>, ServerConfigError> optional_integer(
    const toml::table& root, std::string_view table, std::string_view key, std::int64_t min,
    std::int64_t max) {
  const auto* node = find(root, table, key);
  if (!node) return std::nullopt;
  const auto* value = node->as_integer();
  if (!value) return error(dotted(table, key), "must be a whole number");
  if (value->get() < min || value->get() > max)
    return error(dotted(table, key),
                 "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return value->get();
}

Result read(const toml::table& root, const std::filesystem::path& folder, ServerConfig& out) {
  if (auto ok = check_known_keys(root); !ok) return ok;
  auto database = required_path(root, "server", "database", folder);
  if (!database) return std::unexpected(database.error());
  out.database = *database;

  auto listen = required_string(root, "sync", "listen");
  if (!listen) return std::unexpected(listen.error());
  auto address = parse_host_port(*listen, true);
  if (!address) return error("sync.listen", address.error());
  out.listen = *address;
  for (auto [key, path] : {std::pair{"certificate", &out.certificate},
                           std::pair{"private_key", &out.private_key}, std::pair{"ca", &out.ca}}) {
    auto resolved = required_path(root, "sync", key, folder);
    if (!resolved) return std::unexpected(resolved.error());
    *path = *resolved;
  }

  auto timeout = optional_integer(root, "sync", "heartbeat_timeout_seconds", 5, 600);
  if (!timeout) return std::unexpected(timeout.error());
  if (*timeout) out.heartbeat_timeout = std::chrono::seconds(**timeout);
  auto connections = optional_integer(root, "sync", "max_connections", 1, 100000);
  if (!connections) return std::unexpected(connections.error());
  if (*connections) out.max_connections = static_cast<std::size_t>(**connections);
  return {};
}

}  // namespace

std::string ServerConfigError::describe(const std::filesystem::path& file) const {
  return file.string() + ": " + (key.empty() ? "" : key + ": ") + message;
}

std::expected<ServerConfig, ServerConfigError> parse_server_config(
    std::string_view toml_text, const std::filesystem::path& folder) {
  toml::table root;
  try {
    root = toml::parse(toml_text);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    return error("", "line " + std::to_string(where.line) + ", column " +
                         std::to_string(where.column) + ": " + std::string(e.description()));
  }
  ServerConfig config;
  if (auto ok = read(root, folder, config); !ok) return std::unexpected(ok.error());
  return config;
}

std::expected<ServerConfig, std::string> load_server_config(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::unexpected(file.string() + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  auto config = parse_server_config(text.str(), file.parent_path());
  if (!config) return std::unexpected(config.error().describe(file));
  return std::move(*config);
}

}  // namespace einlass
