#pragma once
// Turns the key events of a handheld HID scanner into the codes it types. Pure: the evdev scanner
// feeds it, the tests feed it recorded sequences.
#include <cstddef>
#include <optional>
#include <string>

#include "device/device_error.h"
#include "keyed/code_buffer.h"

namespace einlass {

// Longer "codes" are a stuck key or a scanner that lost its Enter suffix; tickets are ~200.

class KeystrokeDecoder {
 public:
  // One EV_KEY event: `keycode` from linux/input-event-codes.h, `value` 0 release, 1 press,
  // 2 autorepeat. Returns the finished code when Enter or keypad Enter ends one, or a bad_input
  // error naming why that code is unusable; either way the next keystroke starts a new code.
  // Empty codes (Enter alone) return nothing.
  std::optional<DeviceResult<std::string>> feed(unsigned keycode, int value);

  // Events were lost (SYN_DROPPED): the code being typed is missing keystrokes, so it ends as an
  // error at its Enter. The caller then reports the keys' present state through resync().
  void lost_events();
  // The present state of one key after lost_events(): updates Shift without typing anything.
  void resync(unsigned keycode, bool down);

  // True from the first key press of a code until the Enter that ends it; the scanner stamps a
  // code's arrival when this turns true.
  bool in_code() const { return code_.in_code(); }

 private:
  CodeBuffer code_{"characters"};
  bool left_shift_ = false;
  bool right_shift_ = false;
};

}  // namespace einlass
