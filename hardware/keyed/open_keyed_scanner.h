#pragma once
// Opens a handheld scanner by its URI: "evdev:/dev/input/by-id/usb-...-event-kbd" (a scanner in
// USB keyboard mode) or "serial:/dev/ttyACM0?baud=9600" (serial or USB CDC-ACM mode).
#include <memory>

#include "base/time.h"
#include "device/device_uri.h"
#include "device/scanner.h"

namespace einlass {

// Codes are stamped with the system clock.
DeviceResult<std::unique_ptr<Scanner>> open_keyed_scanner(const DeviceUri& uri);
// `clock` stamps the codes and must outlive the scanner.
DeviceResult<std::unique_ptr<Scanner>> open_keyed_scanner(const DeviceUri& uri, const Clock& clock);

}  // namespace einlass
