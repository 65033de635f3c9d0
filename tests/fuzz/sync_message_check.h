#pragma once
// What the sync message fuzzer does with one input, shared with the replay test in sync_tests.
#include <cstdint>
#include <span>

namespace einlass {
struct Frame;
}

namespace einlass::fuzz {

// Parses the frame as its type says; a message that parses must encode and parse again to an
// equal value (aborts otherwise). False when it does not parse.
bool check_sync_frame(const Frame& frame);

// The first byte picks how the rest is cut into the pieces a FrameReader is fed; every frame read
// is parsed as the message its type says. A message that parses must encode and parse again to
// an equal value; anything else aborts (a crash for libFuzzer, a failed test for the replay).
void check_sync_messages(std::span<const std::uint8_t> input);

}  // namespace einlass::fuzz
