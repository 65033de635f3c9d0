#include "print/open_printer.h"

#include <algorithm>
#include <chrono>

#include "print/file_printer.h"
#include "print/ipp_printer.h"
#include "print/zpl_printer.h"

namespace einlass {

namespace {

using std::chrono::milliseconds;

std::unexpected<DeviceError> bad_uri(const DeviceUri& uri, const std::string& why) {
  return device_error(DeviceError::Kind::bad_uri, "printer URI \"" + uri.text + "\": " + why);
}

DeviceResult<void> only_options(const DeviceUri& uri,
                                std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : uri.query) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string list;
    for (const auto name : allowed) list += (list.empty() ? "" : ", ") + std::string(name);
    return bad_uri(uri,
                   "unknown option \"" + key + "\"" +
                       (list.empty() ? " (this printer takes none)" : " (known: " + list + ")"));
  }
  return {};
}

DeviceResult<milliseconds> ms_option(const DeviceUri& uri, std::string_view key,
                                     milliseconds fallback) {
  auto value = uri.int_option(key, static_cast<int>(fallback.count()), 1, 600000);
  if (!value) return std::unexpected(value.error());
  return milliseconds{*value};
}

DeviceResult<std::unique_ptr<Printer>> open_file(const DeviceUri& uri) {
  if (!uri.host.empty())
    return bad_uri(uri, "a file printer takes a folder (file:/path), not a host");
  if (auto ok = only_options(uri, {}); !ok) return std::unexpected(ok.error());
  return std::make_unique<FilePrinter>(uri.path);
}

DeviceResult<std::unique_ptr<Printer>> open_ipp(const DeviceUri& uri) {
  if (uri.host.empty()) return bad_uri(uri, "an IPP printer needs a host (ipp://host/ipp/print)");
  if (auto ok = only_options(
          uri, {"connect_timeout_ms", "request_timeout_ms", "job_timeout_ms", "poll_ms"});
      !ok)
    return std::unexpected(ok.error());
  IppPrinterSettings s;
  s.host = uri.host;
  s.port = uri.port.value_or(631);
  if (!uri.path.empty() && uri.path != "/") s.resource = uri.path;
  for (auto [key, field] :
       {std::pair{"connect_timeout_ms", &s.connect_timeout},
        std::pair{"request_timeout_ms", &s.request_timeout},
        std::pair{"job_timeout_ms", &s.job_timeout}, std::pair{"poll_ms", &s.poll_interval}}) {
    auto value = ms_option(uri, key, *field);
    if (!value) return std::unexpected(value.error());
    *field = *value;
  }
  return std::make_unique<IppPrinter>(std::move(s));
}

DeviceResult<std::unique_ptr<Printer>> open_zpl(const DeviceUri& uri) {
  if (uri.host.empty()) return bad_uri(uri, "a ZPL printer needs a host (zpl://host:9100)");
  if (!uri.path.empty() && uri.path != "/")
    return bad_uri(uri, "a ZPL printer takes no path, only host and port");
  if (auto ok = only_options(
          uri, {"dpi", "status", "connect_timeout_ms", "send_timeout_ms", "status_timeout_ms"});
      !ok)
    return std::unexpected(ok.error());
  ZplPrinterSettings s;
  s.host = uri.host;
  s.port = uri.port.value_or(9100);
  auto dpi = uri.int_option("dpi", 300, 1, 10000);
  if (!dpi) return std::unexpected(dpi.error());
  if (*dpi != 203 && *dpi != 300 && *dpi != 600)
    return bad_uri(uri, "the option \"dpi\" must be 203, 300 or 600, not " + std::to_string(*dpi));
  s.dpi = *dpi;
  if (const auto status = uri.option("status")) {
    if (*status != "on" && *status != "off")
      return bad_uri(
          uri, "the option \"status\" must be on or off, not \"" + std::string(*status) + "\"");
    s.query_status = *status == "on";
  }
  for (auto [key, field] : {std::pair{"connect_timeout_ms", &s.connect_timeout},
                            std::pair{"send_timeout_ms", &s.send_timeout},
                            std::pair{"status_timeout_ms", &s.status_timeout}}) {
    auto value = ms_option(uri, key, *field);
    if (!value) return std::unexpected(value.error());
    *field = *value;
  }
  return std::make_unique<ZplPrinter>(std::move(s));
}

}  // namespace

DeviceResult<std::unique_ptr<Printer>> open_printer(const DeviceUri& uri) {
  if (uri.scheme == "file") return open_file(uri);
  if (uri.scheme == "ipp") return open_ipp(uri);
  if (uri.scheme == "zpl") return open_zpl(uri);
  return bad_uri(uri, "unknown printer scheme \"" + uri.scheme + "\" (file, ipp or zpl)");
}

}  // namespace einlass
