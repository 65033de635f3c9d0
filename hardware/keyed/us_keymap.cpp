#include "keyed/us_keymap.h"

#include <linux/input-event-codes.h>

#include <array>

namespace einlass {

namespace {

struct KeyCharacters {
  char plain = 0;
  char shifted = 0;
};

constexpr unsigned kTableSize = KEY_KPDOT + 1;

constexpr std::array<KeyCharacters, kTableSize> make_us_table() {
  std::array<KeyCharacters, kTableSize> t{};
  t[KEY_1] = {'1', '!'};
  t[KEY_2] = {'2', '@'};
  t[KEY_3] = {'3', '#'};
  t[KEY_4] = {'4', '$'};
  t[KEY_5] = {'5', '%'};
  t[KEY_6] = {'6', '^'};
  t[KEY_7] = {'7', '&'};
  t[KEY_8] = {'8', '*'};
  t[KEY_9] = {'9', '('};
  t[KEY_0] = {'0', ')'};
  t[KEY_MINUS] = {'-', '_'};
  t[KEY_EQUAL] = {'=', '+'};
  t[KEY_Q] = {'q', 'Q'};
  t[KEY_W] = {'w', 'W'};
  t[KEY_E] = {'e', 'E'};
  t[KEY_R] = {'r', 'R'};
  t[KEY_T] = {'t', 'T'};
  t[KEY_Y] = {'y', 'Y'};
  t[KEY_U] = {'u', 'U'};
  t[KEY_I] = {'i', 'I'};
  t[KEY_O] = {'o', 'O'};
  t[KEY_P] = {'p', 'P'};
  t[KEY_LEFTBRACE] = {'[', '{'};
  t[KEY_RIGHTBRACE] = {']', '}'};
  t[KEY_A] = {'a', 'A'};
  t[KEY_S] = {'s', 'S'};
  t[KEY_D] = {'d', 'D'};
  t[KEY_F] = {'f', 'F'};
  t[KEY_G] = {'g', 'G'};
  t[KEY_H] = {'h', 'H'};
  t[KEY_J] = {'j', 'J'};
  t[KEY_K] = {'k', 'K'};
  t[KEY_L] = {'l', 'L'};
  t[KEY_SEMICOLON] = {';', ':'};
  t[KEY_APOSTROPHE] = {'\'', '"'};
  t[KEY_GRAVE] = {'`', '~'};
  t[KEY_BACKSLASH] = {'\\', '|'};
  t[KEY_Z] = {'z', 'Z'};
  t[KEY_X] = {'x', 'X'};
  t[KEY_C] = {'c', 'C'};
  t[KEY_V] = {'v', 'V'};
  t[KEY_B] = {'b', 'B'};
  t[KEY_N] = {'n', 'N'};
  t[KEY_M] = {'m', 'M'};
  t[KEY_COMMA] = {',', '<'};
  t[KEY_DOT] = {'.', '>'};
  t[KEY_SLASH] = {'/', '?'};
  t[KEY_SPACE] = {' ', ' '};
  // Scanners set to "numeric keypad" mode type digits there; they mean digits whatever the
  // host's Num Lock says, so Shift and Num Lock do not change these.
  t[KEY_KPASTERISK] = {'*', '*'};
  t[KEY_KP7] = {'7', '7'};
  t[KEY_KP8] = {'8', '8'};
  t[KEY_KP9] = {'9', '9'};
  t[KEY_KPMINUS] = {'-', '-'};
  t[KEY_KP4] = {'4', '4'};
  t[KEY_KP5] = {'5', '5'};
  t[KEY_KP6] = {'6', '6'};
  t[KEY_KPPLUS] = {'+', '+'};
  t[KEY_KP1] = {'1', '1'};
  t[KEY_KP2] = {'2', '2'};
  t[KEY_KP3] = {'3', '3'};
  t[KEY_KP0] = {'0', '0'};
  t[KEY_KPDOT] = {'.', '.'};
  return t;
}

constexpr auto kUsTable = make_us_table();

}  // namespace

std::optional<char> us_character(unsigned keycode, bool shift) {
  if (keycode == KEY_KPSLASH) return '/';
  if (keycode >= kTableSize) return std::nullopt;
  const auto& key = kUsTable[keycode];
  const char c = shift ? key.shifted : key.plain;
  if (c == 0) return std::nullopt;
  return c;
}

}  // namespace einlass
