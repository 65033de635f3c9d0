#include "config/server_config.h"

namespace einlass {

namespace {

using Result = ConfigResult<void>;

Result read_web(const ConfigFile& file, ServerConfig& out) {
  if (!file.has_section("web")) return {};
  ServerConfig::Web web;
  auto listen = file.required_string("web", "listen");
  if (!listen) return std::unexpected(listen.error());
  auto address = parse_host_port(*listen, true);
  if (!address) return config_error("web.listen", address.error());
  web.listen = *address;
  web.certificate = out.certificate;
  web.private_key = out.private_key;
  for (auto [key, path] :
       {std::pair{"certificate", &web.certificate}, std::pair{"private_key", &web.private_key}}) {
    auto text = file.optional_string("web", key);
    if (!text) return std::unexpected(text.error());
    if (*text) *path = (file.folder() / **text).lexically_normal();
  }
  auto hours = file.optional_integer("web", "session_hours", 1, 72);
  if (!hours) return std::unexpected(hours.error());
  if (*hours) web.session_lifetime = std::chrono::hours(**hours);
  out.web = std::move(web);
  return {};
}

Result read(const ConfigFile& file, ServerConfig& out) {
  auto database = file.required_path("server", "database");
  if (!database) return std::unexpected(database.error());
  out.database = *database;

  auto listen = file.required_string("sync", "listen");
  if (!listen) return std::unexpected(listen.error());
  auto address = parse_host_port(*listen, true);
  if (!address) return config_error("sync.listen", address.error());
  out.listen = *address;
  for (auto [key, path] : {std::pair{"certificate", &out.certificate},
                           std::pair{"private_key", &out.private_key}, std::pair{"ca", &out.ca}}) {
    auto resolved = file.required_path("sync", key);
    if (!resolved) return std::unexpected(resolved.error());
    *path = *resolved;
  }

  auto timeout = file.optional_integer("sync", "heartbeat_timeout_seconds", 5, 600);
  if (!timeout) return std::unexpected(timeout.error());
  if (*timeout) out.heartbeat_timeout = std::chrono::seconds(**timeout);
  auto connections = file.optional_integer("sync", "max_connections", 1, 100000);
  if (!connections) return std::unexpected(connections.error());
  if (*connections) out.max_connections = static_cast<std::size_t>(**connections);
  return read_web(file, out);
}

}  // namespace

const ConfigKeys& server_config_keys() {
  static const auto* keys = new ConfigKeys{
      {"server", {"database"}},
      {"sync",
       {"listen", "certificate", "private_key", "ca", "heartbeat_timeout_seconds",
        "max_connections"}},
      {"web", {"listen", "certificate", "private_key", "session_hours"}},
  };
  return *keys;
}

std::expected<ServerConfig, ConfigError> parse_server_config(std::string_view toml_text,
                                                             const std::filesystem::path& folder) {
  auto file = ConfigFile::parse(toml_text, server_config_keys(), folder);
  if (!file) return std::unexpected(file.error());
  ServerConfig config;
  if (auto ok = read(*file, config); !ok) return std::unexpected(ok.error());
  return config;
}

std::expected<ServerConfig, std::string> load_server_config(const std::filesystem::path& file) {
  return load_config_file<ServerConfig>(file, parse_server_config);
}

}  // namespace einlass
