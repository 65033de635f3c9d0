#pragma once
// The kiosk's devices from the URIs in its config, whatever driver each one needs.
#include <memory>
#include <string_view>

#include "device/indicator.h"
#include "device/printer.h"
#include "device/scanner.h"

namespace einlass {

// v4l2: and dir: (camera frames) or evdev: and serial: (handheld scanners).
DeviceResult<std::unique_ptr<Scanner>> open_scanner(std::string_view uri);
// ipp:, zpl: or file:.
DeviceResult<std::unique_ptr<Printer>> open_printer(std::string_view uri);
// gpio: or sim:.
DeviceResult<std::unique_ptr<Indicator>> open_indicator(std::string_view uri);

}  // namespace einlass
