#pragma once
// Opens the lights beside the scanner by their URI: "gpio:/dev/gpiochip0?green=17&red=27&buzzer=22"
// or "sim:" / "sim:?file=PATH".
#include <memory>

#include "device/device_uri.h"
#include "device/indicator.h"

namespace einlass {

DeviceResult<std::unique_ptr<Indicator>> open_indicator(const DeviceUri& uri);

}  // namespace einlass
