#pragma once
// einlass-server's configuration file (TOML). Every error names the key and says why; unknown
// keys are refused as typos; relative paths are relative to the config file's folder.
#include <chrono>
#include <cstddef>
#include <expected>
#include <filesystem>
#include <string>
#include <string_view>

#include "base/host_port.h"
#include "configfile/config_file.h"

namespace einlass {

struct ServerConfig {
  std::filesystem::path database;     // [server] database
  HostPort listen;                    // [sync] listen = "address:port"
  std::filesystem::path certificate;  // [sync] certificate: the server's, PEM
  std::filesystem::path private_key;  // [sync] private_key: its key, PEM
  std::filesystem::path ca;           // [sync] ca: the event CA that signed the kiosks'
  // [sync] heartbeat_timeout_seconds: a kiosk silent this long is dropped.
  std::chrono::seconds heartbeat_timeout{20};
  std::size_t max_connections = 500;  // [sync] max_connections
};

// Every error names the key ("server.toml: sync.listen: ..."); unknown keys are refused.
std::expected<ServerConfig, ConfigError> parse_server_config(std::string_view toml_text,
                                                             const std::filesystem::path& folder);

std::expected<ServerConfig, std::string> load_server_config(const std::filesystem::path& file);

}  // namespace einlass
