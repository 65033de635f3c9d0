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
#include "configfile/config_file.h"
#include "rules/entrance.h"

namespace einlass {

// [sync]: where and how the kiosk syncs with einlass-server. Without the section the kiosk works
// alone and never syncs.
struct KioskSyncConfig {
  std::string server_host;  // server = "host:port"
  unsigned short server_port = 0;
  std::filesystem::path ca;           // the event CA's certificate, PEM
  std::filesystem::path certificate;  // this kiosk's client certificate, PEM
  std::filesystem::path private_key;  // its key, PEM
  // Online, a ticket is claimed at the server before admitting; past this the kiosk decides
  // alone.
  std::chrono::milliseconds claim_deadline{300};
  std::chrono::seconds heartbeat_interval{5};
  bool operator==(const KioskSyncConfig&) const = default;
};

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
  std::optional<KioskSyncConfig> sync;              // [sync]; absent = standalone
};

// Every section and key kiosk.toml may hold (the sample config documents each one).
const ConfigKeys& kiosk_config_keys();

// `folder` (the config file's) resolves relative paths: the replica, dir:/file: device URIs and
// the [sync] TLS files.
std::expected<KioskConfig, ConfigError> parse_kiosk_config(std::string_view toml_text,
                                                           const std::filesystem::path& folder);

std::expected<KioskConfig, std::string> load_kiosk_config(const std::filesystem::path& file);

// "90x140mm" (portrait badge), "4x3in" (landscape labels): width x height with a unit.
std::expected<BadgeLayout, std::string> parse_badge_size(std::string_view text, int dpi);

}  // namespace einlass
