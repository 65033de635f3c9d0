#pragma once
// Types text as a HID scanner does: key events from a US keyboard model written out here from
// the keycaps, rather than taken from the decoder's table, so that the table is checked.
#include <linux/input-event-codes.h>

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace einlass::test {

struct KeyEvent {
  unsigned code;
  int value;  // 0 release, 1 press, 2 autorepeat
};

inline constexpr int kUp = 0;
inline constexpr int kDown = 1;
inline constexpr int kRepeat = 2;

struct KeyPosition {
  unsigned code;
  bool shift;
};

// The kernel numbers the keys of each main-block row one after the other from its first key.
inline KeyPosition us_key_for(char c) {
  struct Row {
    unsigned first;
    std::string_view plain;
    std::string_view shifted;
  };
  constexpr std::array<Row, 4> rows = {{{KEY_1, "1234567890-=", "!@#$%^&*()_+"},
                                        {KEY_Q, "qwertyuiop[]", "QWERTYUIOP{}"},
                                        {KEY_A, "asdfghjkl;'`", "ASDFGHJKL:\"~"},
                                        {KEY_Z, "zxcvbnm,./", "ZXCVBNM<>?"}}};
  for (const auto& row : rows) {
    if (const auto i = row.plain.find(c); i != std::string_view::npos)
      return {row.first + static_cast<unsigned>(i), false};
    if (const auto i = row.shifted.find(c); i != std::string_view::npos)
      return {row.first + static_cast<unsigned>(i), true};
  }
  if (c == '\\') return {KEY_BACKSLASH, false};
  if (c == '|') return {KEY_BACKSLASH, true};
  if (c == ' ') return {KEY_SPACE, false};
  throw std::invalid_argument(std::string("no US key for ") + c);
}

// Presses Shift around each shifted character, alternating left and right Shift as some
// scanners do, and ends with `enter`.
inline std::vector<KeyEvent> type_us(std::string_view text, unsigned enter = KEY_ENTER) {
  std::vector<KeyEvent> events;
  bool right = false;
  for (const char c : text) {
    const auto key = us_key_for(c);
    const unsigned shift = right ? KEY_RIGHTSHIFT : KEY_LEFTSHIFT;
    if (key.shift) events.push_back({shift, kDown});
    events.push_back({key.code, kDown});
    events.push_back({key.code, kUp});
    if (key.shift) {
      events.push_back({shift, kUp});
      right = !right;
    }
  }
  events.push_back({enter, kDown});
  events.push_back({enter, kUp});
  return events;
}

}  // namespace einlass::test
