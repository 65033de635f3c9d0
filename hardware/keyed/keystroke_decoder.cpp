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
    if (value == kPress) code_.start();
    return std::nullopt;
  }
  // Characters are typed on press. Autorepeat means a release report came late (a slow USB
  // poll), not that the scanner typed the character again.
  if (value != kPress) return std::nullopt;
  if (keycode == KEY_ENTER || keycode == KEY_KPENTER) return code_.finish();
  // Num Lock carries no character; scanners in keypad mode sometimes toggle it around digits.
  if (keycode == KEY_NUMLOCK) return std::nullopt;
  code_.start();
  const auto c = us_character(keycode, left_shift_ || right_shift_);
  if (c)
    code_.append(*c);
  else
    code_.fail("typed " + key_name(keycode) + ", which is no character of a code");
  return std::nullopt;
}

void KeystrokeDecoder::lost_events() {
  code_.start();
  code_.fail("keystrokes were lost because the scanner typed faster than they were read");
}

void KeystrokeDecoder::resync(unsigned keycode, bool down) {
  if (keycode == KEY_LEFTSHIFT) left_shift_ = down;
  if (keycode == KEY_RIGHTSHIFT) right_shift_ = down;
}

}  // namespace einlass
