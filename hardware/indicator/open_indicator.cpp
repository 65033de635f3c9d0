#include "indicator/open_indicator.h"

#include "indicator/gpio_indicator.h"
#include "indicator/sim_indicator.h"

namespace einlass {

namespace {

std::unexpected<DeviceError> bad_uri(const DeviceUri& uri, const std::string& why) {
  return device_error(DeviceError::Kind::bad_uri, "indicator \"" + uri.text + "\": " + why);
}

DeviceResult<std::unique_ptr<Indicator>> open_sim(const DeviceUri& uri) {
  if (!uri.host.empty() || !uri.path.empty())
    return bad_uri(uri, "sim: takes no path; write sim: or sim:?file=PATH");
  for (const auto& [key, value] : uri.query)
    if (key != "file") return bad_uri(uri, "unknown option \"" + key + "\" (expected file)");
  const auto file = uri.option("file");
  if (file && file->empty()) return bad_uri(uri, "the option \"file\" is empty");
  return open_sim_indicator(file ? std::optional<std::filesystem::path>(*file) : std::nullopt);
}

}  // namespace

DeviceResult<std::unique_ptr<Indicator>> open_indicator(const DeviceUri& uri) {
  if (uri.scheme == "sim") return open_sim(uri);
  if (uri.scheme == "gpio") {
    const auto config = parse_gpio_indicator_uri(uri);
    if (!config) return std::unexpected(config.error());
    return open_gpio_indicator(*config);
  }
  return bad_uri(uri, "not an indicator (expected gpio: or sim:)");
}

}  // namespace einlass
