#pragma once
// The code a handheld scanner is typing: its characters until the code ends, or the first reason
// it is unusable. Shared by the keystroke (evdev) and the serial line decoder.
#include <cstddef>
#include <optional>
#include <string>

#include "device/device_error.h"

namespace einlass {

inline constexpr std::size_t kMaxScannedCodeLength = 4096;

class CodeBuffer {
 public:
  // `unit` names the length in the error for an over-long code ("characters", "bytes").
  explicit CodeBuffer(const char* unit) : unit_(unit) {}

  // A code has begun (its first key or byte); the scanner stamps its arrival from here.
  void start() { in_code_ = true; }
  bool in_code() const { return in_code_; }

  void append(char c);
  // Keeps the first problem; the rest of the code is dropped.
  void fail(std::string why);
  bool failed() const { return problem_.has_value(); }
  const std::string& text() const { return text_; }

  // The finished code, a bad_input error naming why it is unusable, or nothing for an empty
  // code; the next character starts a new one.
  std::optional<DeviceResult<std::string>> finish();

 private:
  const char* unit_;
  std::string text_;
  std::optional<std::string> problem_;
  bool in_code_ = false;
};

}  // namespace einlass
