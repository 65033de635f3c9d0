#pragma once
// The kiosk's configuration file (TOML). Every error names the key and says why, so a
// technician at the venue can fix the file without reading the source.
#include <chrono>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "badge/badge.h"
#include "rules/entrance.h"

namespace einlass {

struct KioskConfig {
  std::string kiosk_id;                      // [kiosk] id
  std::filesystem::path replica;             // [kiosk] replica, relative to the config's folder
  std::vector<std::string> scanners;         // [devices] scanners: URIs
  std::string printer;                       // [devices] printer: URI
  std::string indicator = "sim:";            // [devices] indicator: URI
  EntranceMode mode = EntranceMode::entry;   // [entrance] mode
  std::vector<std::string> categories;       // [entrance] categories: slugs or labels; empty = all
  BadgeLayout badge;                         // [badge] size, dpi
  std::string screen_address = "127.0.0.1";  // [screen] listen = "address:port"
  unsigned short screen_port = 8080;
  std::chrono::milliseconds result_duration{6000};  // [screen] result_seconds
  std::chrono::milliseconds staff_timeout{120000};  // [staff] idle_seconds
};

struct ConfigError {
  std::string key;  // "devices.printer"; empty for a syntax error
  std::string message;
  // "kiosk.toml: devices.printer: must be a string"
  std::string describe(const std::filesystem::path& file) const;
};

// `folder` (the config file's) resolves relative paths: the replica and dir:/file: device URIs.
std::expected<KioskConfig, ConfigError> parse_kiosk_config(std::string_view toml_text,
                                                           const std::filesystem::path& folder);

std::expected<KioskConfig, std::string> load_kiosk_config(const std::filesystem::path& file);

// "90x140mm" (portrait badge), "4x3in" (landscape labels): width x height with a unit.
std::expected<BadgeLayout, std::string> parse_badge_size(std::string_view text, int dpi);

}  // namespace einlass
