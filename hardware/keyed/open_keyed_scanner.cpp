#include "keyed/open_keyed_scanner.h"

#include "keyed/evdev_scanner.h"
#include "keyed/serial_scanner.h"

namespace einlass {

namespace {

std::unexpected<DeviceError> bad_uri(const DeviceUri& uri, const std::string& why) {
  return device_error(DeviceError::Kind::bad_uri, "scanner \"" + uri.text + "\": " + why);
}

// A misspelt option ("baudrate=") would otherwise be ignored silently.
DeviceResult<void> only_options(const DeviceUri& uri,
                                std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : uri.query) {
    bool found = false;
    for (const auto k : known) found = found || k == key;
    if (!found) return bad_uri(uri, "unknown option \"" + key + "\"");
  }
  return {};
}

DeviceResult<void> needs_local_path(const DeviceUri& uri) {
  if (!uri.host.empty() || uri.path.empty())
    return bad_uri(uri, "expected a device path, e.g. " + uri.scheme + ":/dev/...");
  return {};
}

}  // namespace

DeviceResult<std::unique_ptr<Scanner>> open_keyed_scanner(const DeviceUri& uri) {
  static const SystemClock system_clock;
  return open_keyed_scanner(uri, system_clock);
}

DeviceResult<std::unique_ptr<Scanner>> open_keyed_scanner(const DeviceUri& uri,
                                                          const Clock& clock) {
  if (uri.scheme != "evdev" && uri.scheme != "serial")
    return bad_uri(uri, "not a handheld scanner (expected evdev: or serial:)");
  if (auto ok = needs_local_path(uri); !ok) return std::unexpected(ok.error());
  if (uri.scheme == "evdev") {
    if (auto ok = only_options(uri, {}); !ok) return std::unexpected(ok.error());
    return open_evdev_scanner(uri.path, clock);
  }
  if (auto ok = only_options(uri, {"baud"}); !ok) return std::unexpected(ok.error());
  const auto baud = uri.int_option("baud", 9600, 1, 4'000'000);
  if (!baud) return std::unexpected(baud.error());
  return open_serial_scanner(uri.path, *baud, clock);
}

}  // namespace einlass
