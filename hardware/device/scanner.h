#pragma once
// A scanner yields the text of codes: a camera decodes frames, a handheld scanner types them.
#include <string>

#include "base/time.h"
#include "device/device_error.h"

namespace einlass {

struct ScannedCode {
  std::string text;
  // When the frame or the first keystroke arrived; the kiosk measures its latency from here.
  Timestamp arrived{};
};

class Scanner {
 public:
  virtual ~Scanner() = default;
  // Blocks until a code is read. Errors: bad_input (one frame or code skipped; call again),
  // unavailable (the device failed; the kiosk reports it and reopens later), stopped.
  virtual DeviceResult<ScannedCode> next() = 0;
  // From any thread: makes a blocked next() return `stopped` soon (within ~100 ms).
  virtual void stop() = 0;
  // For the kiosk's health report: "camera 1280x720 MJPEG", "dir /srv/frames".
  virtual std::string describe() const = 0;
};

}  // namespace einlass
