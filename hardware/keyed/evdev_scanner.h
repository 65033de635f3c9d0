#pragma once
// A handheld scanner that presents itself as a USB keyboard ("evdev:/dev/input/by-id/...").
#include <memory>
#include <string>

#include "base/time.h"
#include "device/scanner.h"

namespace einlass {

// Opens the input device and grabs it exclusively, so that its keystrokes reach only the kiosk
// and never the console or a login prompt. Errors: unavailable (missing, no permission, grabbed
// by another program), bad_uri (not an input device, or one without an Enter key). `clock`
// stamps when the first keystroke of each code arrived and must outlive the scanner.
DeviceResult<std::unique_ptr<Scanner>> open_evdev_scanner(const std::string& path,
                                                          const Clock& clock);

}  // namespace einlass
