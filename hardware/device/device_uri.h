#pragma once
// Devices are named by URI in the kiosk config: "v4l2:/dev/video0?width=1280&height=720",
// "dir:/srv/frames", "ipp://host:631/ipp/print", "zpl://host:9100", "gpio:/dev/gpiochip0?green=17".
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "device/device_error.h"

namespace einlass {

struct DeviceUri {
  std::string scheme;  // lower case: "v4l2", "dir", "ipp"
  std::string host;    // for "scheme://host:port/path"; empty otherwise
  std::optional<int> port;
  std::string path;  // "/dev/video0", "/ipp/print"
  std::map<std::string, std::string, std::less<>> query;
  std::string text;  // as written, for messages

  // The query value, or nullopt.
  std::optional<std::string_view> option(std::string_view key) const;
  // The query value as an integer in [min, max]; `fallback` when absent; an error naming the
  // key when it is not a number or out of range.
  DeviceResult<int> int_option(std::string_view key, int fallback, int min, int max) const;
};

// Errors (kind bad_uri) name what is wrong: a missing scheme, a bad port, an IPv6 host without
// brackets, a duplicate or empty query key, control characters or bytes that are not UTF-8.
// An empty path is allowed ("sim:"); drivers that need one say so.
DeviceResult<DeviceUri> parse_device_uri(std::string_view text);

}  // namespace einlass
