#include "keyed/line_decoder.h"

#include <cstdio>

#include "base/text.h"
#include "keyed/keystroke_decoder.h"

namespace einlass {

std::optional<DeviceResult<std::string>> LineDecoder::feed(char byte) {
  if (byte == '\r' || byte == '\n') return finish();
  in_code_ = true;
  const auto u = static_cast<unsigned char>(byte);
  if (u < 0x20 || u == 0x7F) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", u);
    fail(std::string("sent the control byte ") + hex + " inside a code");
  } else if (text_.size() >= kMaxScannedCodeLength) {
    fail("the code is longer than " + std::to_string(kMaxScannedCodeLength) + " bytes");
  } else if (!problem_) {
    text_.push_back(byte);
  }
  return std::nullopt;
}

void LineDecoder::fail(std::string why) {
  if (!problem_) problem_ = std::move(why);
  text_.clear();
}

std::optional<DeviceResult<std::string>> LineDecoder::finish() {
  // Bytes above 0x7F are kept until the line is whole, because a UTF-8 character can be split
  // across reads; only then can it be judged.
  if (!problem_ && !is_valid_utf8(text_))
    fail("the code is not valid UTF-8 (is the scanner set to a legacy code page?)");
  else if (!problem_ && contains_control_character(text_))
    fail("the code holds a C1 control character");
  std::optional<DeviceResult<std::string>> result;
  if (problem_)
    result = device_error(DeviceError::Kind::bad_input, *problem_);
  else if (!text_.empty())
    result = std::move(text_);
  text_.clear();
  problem_.reset();
  in_code_ = false;
  return result;
}

}  // namespace einlass
