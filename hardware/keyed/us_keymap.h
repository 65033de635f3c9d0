#pragma once
// The characters a US keyboard layout gives to Linux input keycodes. Handheld HID scanners type
// as if the host used the US layout, whatever layout the host is set to; evdev keycodes name key
// positions, not characters, so mapping them here (never through XKB or the locale) keeps a
// German-layout kiosk from swapping Y and Z.
#include <optional>

namespace einlass {

// The character of `keycode` (linux/input-event-codes.h) with or without Shift, or nullopt for a
// key that types no character of a code (modifiers, function keys, Enter, Tab).
std::optional<char> us_character(unsigned keycode, bool shift);

}  // namespace einlass
