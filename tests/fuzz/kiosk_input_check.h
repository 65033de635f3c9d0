#pragma once
// What the kiosk fuzzer does with one input, shared with the replay test in the ordinary build.
#include <cstdint>
#include <span>

namespace einlass::fuzz {

// The first byte picks the parser (kiosk config, staff command, device URI, serial line bytes,
// JPEG frame, sync frames with handshake messages); the rest is its input. Each must answer with a
// value or an error, never crash.
void check_kiosk_input(std::span<const std::uint8_t> input);

}  // namespace einlass::fuzz
