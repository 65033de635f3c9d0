#pragma once
// Turns the bytes of a serial scanner into the codes it sends, one per line. Pure: the serial
// scanner feeds it, the tests feed it recorded byte streams split anywhere.
#include <optional>
#include <string>

#include "device/device_error.h"
#include "keyed/code_buffer.h"

namespace einlass {

class LineDecoder {
 public:
  // One received byte. CR or LF ends a code (so CRLF ends one, and the empty line between them is
  // ignored like every empty line). Returns the finished code, or a bad_input error naming why it
  // is unusable (a control byte, not UTF-8, too long); the next byte starts a new code.
  std::optional<DeviceResult<std::string>> feed(char byte);

  // True from the first byte of a code until the line end that ends it; the scanner stamps a
  // code's arrival when this turns true.
  bool in_code() const { return code_.in_code(); }

 private:
  std::optional<DeviceResult<std::string>> finish();

  CodeBuffer code_{"bytes"};
};

}  // namespace einlass
