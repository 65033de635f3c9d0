#pragma once
// What the ticket parser fuzzer checks for one input; shared with the ctest that replays the seed
// corpus and every saved crash, so a fixed bug stays fixed in the ordinary g++ build.
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "ticket/keyring.h"
#include "ticket/ticket.h"

namespace einlass::fuzz {

// The keyring the fuzzer verifies against: event 2026, key id 1 = the public key of
// tests/fuzz/ticket_fuzz_key.pem (RFC 8032 test vector 1; a public test key, never a real one).
inline constexpr EventId kFuzzEventId = 2026;
inline constexpr KeyId kFuzzKeyId = 1;
const Keyring& fuzz_keyring();

// Nothing when every property holds, else what broke. Must not crash on any input.
std::optional<std::string> check_ticket_parser_input(std::span<const std::uint8_t> input);

}  // namespace einlass::fuzz
