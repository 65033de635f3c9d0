#include "core/kiosk_config.h"

#include "base/host_port.h"
#include "eventlog/admission_event.h"

#include <toml++/toml.h>

#include <charconv>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace einlass {

namespace {

using Result = std::expected<void, ConfigError>;

std::unexpected<ConfigError> error(std::string key, std::string message) {
  return std::unexpected(ConfigError{std::move(key), std::move(message)});
}

// Keys we know per table; anything else is a typo the technician should hear about.
const std::map<std::string, std::set<std::string>, std::less<>>& known_keys() {
  static const auto* keys = new std::map<std::string, std::set<std::string>, std::less<>>{
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

const toml::node* find(const toml::table& root, std::string_view table, std::string_view key) {
  const auto* section = root[table].as_table();
  return section ? section->get(key) : nullptr;
}

std::string dotted(std::string_view table, std::string_view key) {
  return std::string(table) + "." + std::string(key);
}

std::expected<std::optional<std::string>, ConfigError> optional_string(const toml::table& root,
                                                                       std::string_view table,
                                                                       std::string_view key) {
  const auto* node = find(root, table, key);
  if (!node) return std::nullopt;
  const auto* value = node->as_string();
  if (!value) return error(dotted(table, key), "must be a string in quotes");
  if (value->get().empty()) return error(dotted(table, key), "must not be empty");
  return value->get();
}

std::expected<std::string, ConfigError> required_string(const toml::table& root,
                                                        std::string_view table,
                                                        std::string_view key) {
  auto value = optional_string(root, table, key);
  if (!value) return std::unexpected(value.error());
  if (!*value) return error(dotted(table, key), "is missing");
  return **value;
}

std::expected<std::optional<std::int64_t>, ConfigError> optional_integer(const toml::table& root,
                                                                         std::string_view table,
                                                                         std::string_view key,
                                                                         std::int64_t min,
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

std::expected<std::vector<std::string>, ConfigError> string_list(const toml::table& root,
                                                                 std::string_view table,
                                                                 std::string_view key) {
  const auto* node = find(root, table, key);
  if (!node) return std::vector<std::string>{};
  if (const auto* single = node->as_string()) return std::vector<std::string>{single->get()};
  const auto* array = node->as_array();
  if (!array) return error(dotted(table, key), "must be a string or a list of strings");
  std::vector<std::string> out;
  for (const auto& item : *array) {
    const auto* text = item.as_string();
    if (!text || text->get().empty())
      return error(dotted(table, key), "must hold only non-empty strings");
    out.push_back(text->get());
  }
  return out;
}

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

Result read_kiosk(const toml::table& root, const std::filesystem::path& folder, KioskConfig& out) {
  auto id = required_string(root, "kiosk", "id");
  if (!id) return std::unexpected(id.error());
  if (auto ok = check_kiosk_id(*id); !ok) return error("kiosk.id", ok.error());
  out.kiosk_id = *id;
  auto replica = required_string(root, "kiosk", "replica");
  if (!replica) return std::unexpected(replica.error());
  out.replica = (folder / *replica).lexically_normal();
  return {};
}

Result read_devices(const toml::table& root, const std::filesystem::path& folder,
                    KioskConfig& out) {
  auto scanners = string_list(root, "devices", "scanners");
  if (!scanners) return std::unexpected(scanners.error());
  if (scanners->empty()) return error("devices.scanners", "is missing (at least one scanner URI)");
  for (auto& uri : *scanners) out.scanners.push_back(resolve_uri(uri, folder));
  auto printer = required_string(root, "devices", "printer");
  if (!printer) return std::unexpected(printer.error());
  out.printer = resolve_uri(*printer, folder);
  auto indicator = optional_string(root, "devices", "indicator");
  if (!indicator) return std::unexpected(indicator.error());
  if (*indicator) out.indicator = **indicator;
  return {};
}

Result read_entrance(const toml::table& root, KioskConfig& out) {
  auto mode = optional_string(root, "entrance", "mode");
  if (!mode) return std::unexpected(mode.error());
  if (*mode == "exit")
    out.mode = EntranceMode::exit;
  else if (*mode && **mode != "entry")
    return error("entrance.mode", "must be \"entry\" or \"exit\", not \"" + **mode + "\"");
  auto categories = string_list(root, "entrance", "categories");
  if (!categories) return std::unexpected(categories.error());
  out.categories = *categories;
  return {};
}

Result read_badge(const toml::table& root, KioskConfig& out) {
  auto dpi = optional_integer(root, "badge", "dpi", 100, 600);
  if (!dpi) return std::unexpected(dpi.error());
  out.badge.dpi = static_cast<int>(dpi->value_or(300));
  auto size = optional_string(root, "badge", "size");
  if (!size) return std::unexpected(size.error());
  if (!*size) return {};
  auto layout = parse_badge_size(**size, out.badge.dpi);
  if (!layout) return error("badge.size", layout.error());
  out.badge = *layout;
  return {};
}

Result read_screen(const toml::table& root, KioskConfig& out) {
  auto listen = optional_string(root, "screen", "listen");
  if (!listen) return std::unexpected(listen.error());
  if (*listen) {
    auto address = parse_host_port(**listen, true);
    if (!address) return error("screen.listen", address.error());
    out.screen_address = address->host;
    out.screen_port = address->port;
  }
  auto seconds = optional_integer(root, "screen", "result_seconds", 1, 60);
  if (!seconds) return std::unexpected(seconds.error());
  if (*seconds) out.result_duration = std::chrono::seconds(**seconds);
  auto idle = optional_integer(root, "staff", "idle_seconds", 10, 3600);
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

Result read_sync(const toml::table& root, const std::filesystem::path& folder, KioskConfig& out) {
  if (!root.contains("sync")) return {};
  KioskSyncConfig sync;
  auto server = required_string(root, "sync", "server");
  if (!server) return std::unexpected(server.error());
  if (auto ok = read_server_address(*server, sync); !ok) return ok;
  for (auto [key, path] : {std::pair{"ca", &sync.ca}, std::pair{"certificate", &sync.certificate},
                           std::pair{"private_key", &sync.private_key}}) {
    auto text = required_string(root, "sync", key);
    if (!text) return std::unexpected(text.error());
    *path = (folder / *text).lexically_normal();
  }
  auto deadline = optional_integer(root, "sync", "claim_deadline_ms", 50, 2000);
  if (!deadline) return std::unexpected(deadline.error());
  if (*deadline) sync.claim_deadline = std::chrono::milliseconds(**deadline);
  auto heartbeat = optional_integer(root, "sync", "heartbeat_seconds", 1, 60);
  if (!heartbeat) return std::unexpected(heartbeat.error());
  if (*heartbeat) sync.heartbeat_interval = std::chrono::seconds(**heartbeat);
  out.sync = std::move(sync);
  return {};
}

}  // namespace

std::string ConfigError::describe(const std::filesystem::path& file) const {
  return file.string() + ": " + (key.empty() ? "" : key + ": ") + message;
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
  toml::table root;
  try {
    root = toml::parse(toml_text);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    return error("", "line " + std::to_string(where.line) + ", column " +
                         std::to_string(where.column) + ": " + std::string(e.description()));
  }
  KioskConfig config;
  for (const auto& step : {+[](const toml::table&r, const std::filesystem::path&, KioskConfig&) {
                             return check_known_keys(r);
                           },
                           &read_kiosk, &read_devices,
                           +[](const toml::table&r, const std::filesystem::path&, KioskConfig&c) {
                             return read_entrance(r, c);
                           },
                           +[](const toml::table&r, const std::filesystem::path&, KioskConfig&c) {
                             return read_badge(r, c);
                           },
                           +[](const toml::table&r, const std::filesystem::path&, KioskConfig&c) {
                             return read_screen(r, c);
                           },
                           &read_sync})
    if (auto ok = step(root, folder, config); !ok) return std::unexpected(ok.error());
  return config;
}

std::expected<KioskConfig, std::string> load_kiosk_config(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::unexpected(file.string() + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  auto config = parse_kiosk_config(text.str(), file.parent_path());
  if (!config) return std::unexpected(config.error().describe(file));
  return std::move(*config);
}

}  // namespace einlass
