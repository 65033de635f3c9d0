#pragma once
// A handheld scanner on a serial port or a USB CDC-ACM tty ("serial:/dev/ttyACM0?baud=9600"):
// it sends each code as one line.
#include <memory>
#include <optional>
#include <string>

#include "base/time.h"
#include "device/scanner.h"

namespace einlass {

// The standard rates from 1200 to 921600 baud that scanners are set to.
bool is_standard_baud_rate(int baud);

// Opens the tty in raw mode at `baud` (a standard rate), discarding whatever it had buffered.
// Errors: unavailable (missing, no permission), bad_uri (not a terminal, or a rate it cannot
// take). `clock` stamps when the first byte of each code arrived and must outlive the scanner.
DeviceResult<std::unique_ptr<Scanner>> open_serial_scanner(const std::string& path, int baud,
                                                           const Clock& clock);

}  // namespace einlass
