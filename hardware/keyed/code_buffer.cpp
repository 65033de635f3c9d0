#include "keyed/code_buffer.h"

namespace einlass {

void CodeBuffer::append(char c) {
  start();
  if (failed()) return;
  if (text_.size() >= kMaxScannedCodeLength) {
    fail("the code is longer than " + std::to_string(kMaxScannedCodeLength) + " " + unit_);
    return;
  }
  text_.push_back(c);
}

void CodeBuffer::fail(std::string why) {
  if (!problem_) problem_ = std::move(why);
  text_.clear();
}

std::optional<DeviceResult<std::string>> CodeBuffer::finish() {
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
