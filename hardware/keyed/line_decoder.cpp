#include "keyed/line_decoder.h"

#include <cstdio>

#include "base/text.h"

namespace einlass {

std::optional<DeviceResult<std::string>> LineDecoder::feed(char byte) {
  if (byte == '\r' || byte == '\n') return finish();
  code_.start();
  const auto u = static_cast<unsigned char>(byte);
  if (u < 0x20 || u == 0x7F) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", u);
    code_.fail(std::string("sent the control byte ") + hex + " inside a code");
  } else {
    code_.append(byte);
  }
  return std::nullopt;
}

std::optional<DeviceResult<std::string>> LineDecoder::finish() {
  // Bytes above 0x7F are kept until the line is whole, because a UTF-8 character can be split
  // across reads; only then can it be judged.
  if (!code_.failed() && !is_valid_utf8(code_.text()))
    code_.fail("the code is not valid UTF-8 (is the scanner set to a legacy code page?)");
  else if (!code_.failed() && contains_control_character(code_.text()))
    code_.fail("the code holds a C1 control character");
  return code_.finish();
}

}  // namespace einlass
