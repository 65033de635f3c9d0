#pragma once
// einlass-server's configuration file (TOML). Every error names the key and says why; unknown
// keys are refused as typos; relative paths are relative to the config file's folder.
#include <chrono>
#include <cstddef>
#include <expected>
#include <filesystem>
#include <optional>
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

  // The staff dashboard; nullopt when the file has no [web] section.
  struct Web {
    HostPort listen;                    // [web] listen = "address:port" (port 0: any free one)
    std::filesystem::path certificate;  // [web] certificate: default [sync]'s
    std::filesystem::path private_key;  // [web] private_key: default [sync]'s
    std::chrono::hours session_lifetime{12};  // [web] session_hours (1..72)
  };
  std::optional<Web> web;
};

// Every section and key server.toml may hold (the sample config documents each one).
const ConfigKeys& server_config_keys();

// Every error names the key ("server.toml: sync.listen: ..."); unknown keys are refused.
std::expected<ServerConfig, ConfigError> parse_server_config(std::string_view toml_text,
                                                             const std::filesystem::path& folder);

std::expected<ServerConfig, std::string> load_server_config(const std::filesystem::path& file);

}  // namespace einlass
