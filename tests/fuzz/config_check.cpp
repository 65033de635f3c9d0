#include "fuzz/config_check.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <string_view>

#include "base/host_port.h"
#include "config/server_config.h"
#include "core/kiosk_config.h"

namespace einlass::fuzz {

namespace {

using Failure = std::optional<std::string>;
using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::seconds;

const std::filesystem::path kFolder = "/etc/einlass";

bool all_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "line 3, column 7: ..." (toml++'s position of a syntax error).
bool names_line(std::string_view message) {
  if (!message.starts_with("line ")) return false;
  message.remove_prefix(5);
  const auto comma = message.find(", column ");
  if (comma == std::string_view::npos || !all_digits(message.substr(0, comma))) return false;
  message.remove_prefix(comma + 9);
  const auto colon = message.find(": ");
  return colon != std::string_view::npos && all_digits(message.substr(0, colon));
}

// A refusal names the line of a syntax error, or a key: one the format has, or the unknown
// section or key it refuses.
Failure check_error(const ConfigError& error, const ConfigKeys& keys, std::string_view file) {
  if (error.message.empty()) return "a refusal without a message";
  if (error.key.empty()) {
    if (!names_line(error.message)) return "a refusal names neither key nor line: " + error.message;
    return std::nullopt;
  }
  if (error.describe(kFolder / file).find(error.key + ": ") == std::string::npos) {
    return "describe() leaves out the key " + error.key;
  }
  const auto dot = error.key.find('.');
  const std::string section = error.key.substr(0, dot);
  const auto known = keys.find(error.key);
  if (error.message == "unknown section") {
    if (known != keys.end()) return "the known section " + error.key + " refused as unknown";
    return std::nullopt;
  }
  if (error.message.starts_with("must be a section")) {
    if (known == keys.end()) return "an unknown section " + error.key + " said to need brackets";
    return std::nullopt;
  }
  const auto table = keys.find(section);
  if (dot == std::string::npos || table == keys.end()) {
    return "a refusal names '" + error.key + "', no key of " + std::string(file);
  }
  const bool key_known = table->second.contains(error.key.substr(dot + 1));
  if (error.message == "unknown key") {
    if (key_known) return "the known key " + error.key + " refused as unknown";
  } else if (!key_known) {
    return "a refusal names '" + error.key + "', no key of " + std::string(file);
  }
  return std::nullopt;
}

// An address that prints and parses back to itself.
Failure check_address(std::string_view what, const HostPort& address, bool allow_port_zero) {
  if (address.host.empty()) return std::string(what) + " has no host";
  if (!allow_port_zero && address.port == 0) return std::string(what) + " has port 0";
  const auto again = parse_host_port(format_host_port(address), allow_port_zero);
  if (!again || *again != address) return std::string(what) + " does not print back to itself";
  return std::nullopt;
}

Failure check_path(std::string_view what, const std::filesystem::path& path) {
  // Relative paths are resolved against the config's folder.
  if (!path.is_absolute()) return std::string(what) + " is not an absolute path";
  return std::nullopt;
}

template <class Rep, class Period>
bool within(std::chrono::duration<Rep, Period> value, std::chrono::duration<Rep, Period> low,
            std::chrono::duration<Rep, Period> high) {
  return value >= low && value <= high;
}

Failure check_server(const ServerConfig& c) {
  for (const auto& [what, path] :
       {std::pair{"server.database", &c.database}, std::pair{"sync.certificate", &c.certificate},
        std::pair{"sync.private_key", &c.private_key}, std::pair{"sync.ca", &c.ca}}) {
    if (auto broken = check_path(what, *path)) return broken;
  }
  if (auto broken = check_address("sync.listen", c.listen, true)) return broken;
  if (!within(c.heartbeat_timeout, seconds(5), seconds(600))) return "heartbeat out of 5..600 s";
  if (c.max_connections < 1 || c.max_connections > 100000) return "max_connections out of range";
  if (!c.web) return std::nullopt;
  if (auto broken = check_address("web.listen", c.web->listen, true)) return broken;
  if (auto broken = check_path("web.certificate", c.web->certificate)) return broken;
  if (auto broken = check_path("web.private_key", c.web->private_key)) return broken;
  if (!within(c.web->session_lifetime, hours(1), hours(72))) return "session_hours out of 1..72";
  return std::nullopt;
}

bool valid_kiosk_id(std::string_view id) {
  if (id.empty() || id.size() > 32) return false;
  for (const char c : id) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!allowed) return false;
  }
  return true;
}

Failure check_kiosk(const KioskConfig& c) {
  if (!valid_kiosk_id(c.kiosk_id)) return "the kiosk id '" + c.kiosk_id + "' is not allowed";
  if (auto broken = check_path("kiosk.replica", c.replica)) return broken;
  if (c.scanners.empty()) return "no scanner";
  for (const auto& uri : c.scanners) {
    if (uri.empty()) return "an empty scanner URI";
  }
  if (c.printer.empty() || c.indicator.empty()) return "an empty printer or indicator URI";
  if (c.mode != EntranceMode::entry && c.mode != EntranceMode::exit) return "a third mode";
  for (const auto& category : c.categories) {
    if (category.empty()) return "an empty category";
  }
  if (c.badge.dpi < 100 || c.badge.dpi > 600) return "badge.dpi out of 100..600";
  for (const double side : {c.badge.width_mm, c.badge.height_mm}) {
    if (!std::isfinite(side) || side < 40 || side > 300) return "a badge side out of 40..300 mm";
  }
  if (c.screen_address.empty()) return "screen.listen has no host";
  if (!within(c.result_duration, milliseconds(1000), milliseconds(60000))) {
    return "screen.result_seconds out of 1..60";
  }
  if (!within(c.staff_timeout, milliseconds(10000), milliseconds(3600000))) {
    return "staff.idle_seconds out of 10..3600";
  }
  if (!c.sync) return std::nullopt;
  const KioskSyncConfig& s = *c.sync;
  if (auto broken = check_address("sync.server", HostPort{s.server_host, s.server_port}, false)) {
    return broken;
  }
  for (const auto& [what, path] :
       {std::pair{"sync.ca", &s.ca}, std::pair{"sync.certificate", &s.certificate},
        std::pair{"sync.private_key", &s.private_key}}) {
    if (auto broken = check_path(what, *path)) return broken;
  }
  if (!within(s.claim_deadline, milliseconds(50), milliseconds(2000))) {
    return "sync.claim_deadline_ms out of 50..2000";
  }
  if (!within(s.heartbeat_interval, seconds(1), seconds(60))) {
    return "sync.heartbeat_seconds out of 1..60";
  }
  return std::nullopt;
}

template <class Config>
void judge(const std::expected<Config, ConfigError>& result, const ConfigKeys& keys,
           std::string_view file, Failure (*check)(const Config&), ConfigOutcome& outcome) {
  outcome.parsed = result.has_value();
  if (result) {
    outcome.broken = check(*result);
    return;
  }
  outcome.syntax_error = result.error().key.empty();
  outcome.error_key = result.error().key;
  outcome.broken = check_error(result.error(), keys, file);
}

}  // namespace

ConfigOutcome check_config_input(std::span<const std::uint8_t> input) {
  ConfigOutcome outcome;
  if (input.empty()) return outcome;
  const auto body = input.subspan(1);
  const std::string_view text(reinterpret_cast<const char*>(body.data()), body.size());
  outcome.kiosk = (input[0] & 1) != 0;
  if (outcome.kiosk) {
    judge(parse_kiosk_config(text, kFolder), kiosk_config_keys(), "kiosk.toml", &check_kiosk,
          outcome);
  } else {
    judge(parse_server_config(text, kFolder), server_config_keys(), "server.toml", &check_server,
          outcome);
  }
  return outcome;
}

}  // namespace einlass::fuzz
