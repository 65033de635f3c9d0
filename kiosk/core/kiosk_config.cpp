#include "core/kiosk_config.h"

#include "base/host_port.h"
#include "eventlog/admission_event.h"

#include <charconv>
#include <cmath>

namespace einlass {

namespace {

using Result = ConfigResult<void>;

std::unexpected<ConfigError> error(std::string key, std::string message) {
  return config_error(std::move(key), std::move(message));
}

// Keys we know per table; anything else is a typo the technician should hear about.
// dir: and file: URIs with a relative path are relative to the config's folder.
std::string resolve_uri(const std::string& uri, const std::filesystem::path& folder) {
  for (const std::string_view scheme : {"dir:", "file:"}) {
    if (!uri.starts_with(scheme)) continue;
    const auto path = std::string_view(uri).substr(scheme.size());
    if (path.empty() || path.starts_with('/') || path.starts_with("//")) return uri;
    return std::string(scheme) + (folder / path).lexically_normal().string();
  }
  return uri;
}

Result read_kiosk(const ConfigFile& file, KioskConfig& out) {
  auto id = file.required_string("kiosk", "id");
  if (!id) return std::unexpected(id.error());
  if (auto ok = check_kiosk_id(*id); !ok) return error("kiosk.id", ok.error());
  out.kiosk_id = *id;
  auto replica = file.required_string("kiosk", "replica");
  if (!replica) return std::unexpected(replica.error());
  out.replica = (file.folder() / *replica).lexically_normal();
  return {};
}

Result read_devices(const ConfigFile& file, KioskConfig& out) {
  auto scanners = file.string_list("devices", "scanners");
  if (!scanners) return std::unexpected(scanners.error());
  if (scanners->empty()) return error("devices.scanners", "is missing (at least one scanner URI)");
  for (auto& uri : *scanners) out.scanners.push_back(resolve_uri(uri, file.folder()));
  auto printer = file.required_string("devices", "printer");
  if (!printer) return std::unexpected(printer.error());
  out.printer = resolve_uri(*printer, file.folder());
  auto indicator = file.optional_string("devices", "indicator");
  if (!indicator) return std::unexpected(indicator.error());
  if (*indicator) out.indicator = **indicator;
  return {};
}

Result read_entrance(const ConfigFile& file, KioskConfig& out) {
  auto mode = file.optional_string("entrance", "mode");
  if (!mode) return std::unexpected(mode.error());
  if (*mode == "exit")
    out.mode = EntranceMode::exit;
  else if (*mode && **mode != "entry")
    return error("entrance.mode", "must be \"entry\" or \"exit\", not \"" + **mode + "\"");
  auto categories = file.string_list("entrance", "categories");
  if (!categories) return std::unexpected(categories.error());
  out.categories = *categories;
  return {};
}

Result read_badge(const ConfigFile& file, KioskConfig& out) {
  auto dpi = file.optional_integer("badge", "dpi", 100, 600);
  if (!dpi) return std::unexpected(dpi.error());
  out.badge.dpi = static_cast<int>(dpi->value_or(300));
  auto size = file.optional_string("badge", "size");
  if (!size) return std::unexpected(size.error());
  if (!*size) return {};
  auto layout = parse_badge_size(**size, out.badge.dpi);
  if (!layout) return error("badge.size", layout.error());
  out.badge = *layout;
  return {};
}

Result read_screen(const ConfigFile& file, KioskConfig& out) {
  auto listen = file.optional_string("screen", "listen");
  if (!listen) return std::unexpected(listen.error());
  if (*listen) {
    auto address = parse_host_port(**listen, true);
    if (!address) return error("screen.listen", address.error());
    out.screen_address = address->host;
    out.screen_port = address->port;
  }
  auto seconds = file.optional_integer("screen", "result_seconds", 1, 60);
  if (!seconds) return std::unexpected(seconds.error());
  if (*seconds) out.result_duration = std::chrono::seconds(**seconds);
  auto idle = file.optional_integer("staff", "idle_seconds", 10, 3600);
  if (!idle) return std::unexpected(idle.error());
  if (*idle) out.staff_timeout = std::chrono::seconds(**idle);
  return {};
}

// Port 0 is no use for connecting.
Result read_server_address(const std::string& text, KioskSyncConfig& out) {
  auto address = parse_host_port(text, false);
  if (!address) return error("sync.server", address.error());
  out.server_host = address->host;
  out.server_port = address->port;
  return {};
}

Result read_sync(const ConfigFile& file, KioskConfig& out) {
  if (!file.has_section("sync")) return {};
  KioskSyncConfig sync;
  auto server = file.required_string("sync", "server");
  if (!server) return std::unexpected(server.error());
  if (auto ok = read_server_address(*server, sync); !ok) return ok;
  for (auto [key, path] : {std::pair{"ca", &sync.ca}, std::pair{"certificate", &sync.certificate},
                           std::pair{"private_key", &sync.private_key}}) {
    auto resolved = file.required_path("sync", key);
    if (!resolved) return std::unexpected(resolved.error());
    *path = *resolved;
  }
  auto deadline = file.optional_integer("sync", "claim_deadline_ms", 50, 2000);
  if (!deadline) return std::unexpected(deadline.error());
  if (*deadline) sync.claim_deadline = std::chrono::milliseconds(**deadline);
  auto heartbeat = file.optional_integer("sync", "heartbeat_seconds", 1, 60);
  if (!heartbeat) return std::unexpected(heartbeat.error());
  if (*heartbeat) sync.heartbeat_interval = std::chrono::seconds(**heartbeat);
  out.sync = std::move(sync);
  return {};
}

}  // namespace

const ConfigKeys& kiosk_config_keys() {
  static const auto* keys = new ConfigKeys{
      {"kiosk", {"id", "replica"}},
      {"devices", {"scanners", "printer", "indicator"}},
      {"entrance", {"mode", "categories"}},
      {"badge", {"size", "dpi"}},
      {"screen", {"listen", "result_seconds"}},
      {"staff", {"idle_seconds"}},
      {"sync",
       {"server", "ca", "certificate", "private_key", "claim_deadline_ms", "heartbeat_seconds"}},
  };
  return *keys;
}

std::expected<BadgeLayout, std::string> parse_badge_size(std::string_view text, int dpi) {
  const auto x = text.find('x');
  const auto unit_at = text.find_first_not_of("0123456789.x");
  if (x == std::string_view::npos || unit_at == std::string_view::npos || unit_at < x)
    return std::unexpected("must look like \"90x140mm\" or \"4x3in\", not \"" + std::string(text) +
                           "\"");
  const auto unit = text.substr(unit_at);
  double scale = 0;
  if (unit == "mm")
    scale = 1;
  else if (unit == "in")
    scale = 25.4;
  else
    return std::unexpected("the unit must be mm or in, not \"" + std::string(unit) + "\"");
  double width = 0, height = 0;
  const auto w = text.substr(0, x), h = text.substr(x + 1, unit_at - x - 1);
  const auto [w_end, w_ec] = std::from_chars(w.data(), w.data() + w.size(), width);
  const auto [h_end, h_ec] = std::from_chars(h.data(), h.data() + h.size(), height);
  if (w_ec != std::errc{} || h_ec != std::errc{} || w_end != w.data() + w.size() ||
      h_end != h.data() + h.size())
    return std::unexpected("width and height must be numbers, as in \"90x140mm\"");
  BadgeLayout layout{width * scale, height * scale, dpi};
  if (layout.width_mm < 40 || layout.height_mm < 40 || layout.width_mm > 300 ||
      layout.height_mm > 300)
    return std::unexpected("each side must be between 40 and 300 mm");
  return layout;
}

std::expected<KioskConfig, ConfigError> parse_kiosk_config(std::string_view toml_text,
                                                           const std::filesystem::path& folder) {
  auto file = ConfigFile::parse(toml_text, kiosk_config_keys(), folder);
  if (!file) return std::unexpected(file.error());
  KioskConfig config;
  for (const auto& step :
       {&read_kiosk, &read_devices, &read_entrance, &read_badge, &read_screen, &read_sync})
    if (auto ok = step(*file, config); !ok) return std::unexpected(ok.error());
  return config;
}

std::expected<KioskConfig, std::string> load_kiosk_config(const std::filesystem::path& file) {
  return load_config_file<KioskConfig>(file, parse_kiosk_config);
}

}  // namespace einlass
