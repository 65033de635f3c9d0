#include "keyed/keystroke_decoder.h"

#include <libevdev/libevdev.h>
#include <linux/input-event-codes.h>

#include "keyed/us_keymap.h"

namespace einlass {

namespace {

constexpr int kRelease = 0;
constexpr int kPress = 1;

std::string key_name(unsigned keycode) {
  const char* name = libevdev_event_code_get_name(EV_KEY, keycode);
  return (name != nullptr ? std::string(name) : std::string("an unknown key")) + " (code " +
         std::to_string(keycode) + ")";
}

}  // namespace

std::optional<DeviceResult<std::string>> KeystrokeDecoder::feed(unsigned keycode, int value) {
  if (keycode == KEY_LEFTSHIFT || keycode == KEY_RIGHTSHIFT) {
    resync(keycode, value != kRelease);
    if (value == kPress) in_code_ = true;
    return std::nullopt;
  }
  // Characters are typed on press. Autorepeat means a release report came late (a slow USB
  // poll), not that the scanner typed the character again.
  if (value != kPress) return std::nullopt;
  if (keycode == KEY_ENTER || keycode == KEY_KPENTER) return finish();
  // Num Lock carries no character; scanners in keypad mode sometimes toggle it around digits.
  if (keycode == KEY_NUMLOCK) return std::nullopt;
  in_code_ = true;
  const auto c = us_character(keycode, left_shift_ || right_shift_);
  if (!c) {
    fail("typed " + key_name(keycode) + ", which is no character of a code");
  } else if (text_.size() >= kMaxScannedCodeLength) {
    fail("the code is longer than " + std::to_string(kMaxScannedCodeLength) + " characters");
  } else if (!problem_) {
    text_.push_back(*c);
  }
  return std::nullopt;
}

void KeystrokeDecoder::lost_events() {
  in_code_ = true;
  fail("keystrokes were lost because the scanner typed faster than they were read");
}

void KeystrokeDecoder::resync(unsigned keycode, bool down) {
  if (keycode == KEY_LEFTSHIFT) left_shift_ = down;
  if (keycode == KEY_RIGHTSHIFT) right_shift_ = down;
}

void KeystrokeDecoder::fail(std::string why) {
  // The first problem is the one worth reporting; the rest of the code is skipped.
  if (!problem_) problem_ = std::move(why);
  text_.clear();
}

std::optional<DeviceResult<std::string>> KeystrokeDecoder::finish() {
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
