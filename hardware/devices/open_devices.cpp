#include "devices/open_devices.h"

#include "indicator/open_indicator.h"
#include "keyed/open_keyed_scanner.h"
#include "print/open_printer.h"
#include "scan/open_frame_scanner.h"

namespace einlass {

DeviceResult<std::unique_ptr<Scanner>> open_scanner(std::string_view uri) {
  auto parsed = parse_device_uri(uri);
  if (!parsed) return std::unexpected(parsed.error());
  if (parsed->scheme == "v4l2" || parsed->scheme == "dir") return open_frame_scanner(*parsed);
  if (parsed->scheme == "evdev" || parsed->scheme == "serial") return open_keyed_scanner(*parsed);
  return device_error(
      DeviceError::Kind::bad_uri,
      "scanner \"" + std::string(uri) + "\": unknown kind (use v4l2:, dir:, evdev: or serial:)");
}

DeviceResult<std::unique_ptr<Printer>> open_printer(std::string_view uri) {
  auto parsed = parse_device_uri(uri);
  if (!parsed) return std::unexpected(parsed.error());
  return open_printer(*parsed);
}

DeviceResult<std::unique_ptr<Indicator>> open_indicator(std::string_view uri) {
  auto parsed = parse_device_uri(uri);
  if (!parsed) return std::unexpected(parsed.error());
  return open_indicator(*parsed);
}

}  // namespace einlass
