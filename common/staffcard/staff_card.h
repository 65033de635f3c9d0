#pragma once
// What a staff card says. A staff card is issued and signed by the server (`einlass-admin
// staff-card NAME`) and, together with its holder's PIN, unlocks the staff functions of a kiosk
// offline. The card carries a slow hash of the PIN, never the PIN, so a kiosk checks the PIN
// without a server and without a list of PINs to steal.
#include <array>
#include <cstddef>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include "base/time.h"
#include "ticket/ticket.h"

namespace einlass {

using StaffCardId = std::uint32_t;

// Bytes of UTF-8: a name that fits one line on the kiosk screen and keeps the QR small.
inline constexpr std::size_t kMaxStaffNameBytes = 64;
inline constexpr std::size_t kPinSaltSize = 16;
// 128 bits: far more than the PIN's own entropy, so a longer hash would only enlarge the QR.
inline constexpr std::size_t kPinHashSize = 16;

// scrypt cost parameters (RFC 7914): N = 2^log2_n, block size r, parallelism p. They travel in
// the card, so new cards can use other values while older cards keep working.
struct PinHashParams {
  std::uint8_t log2_n = 0;
  std::uint8_t r = 0;
  std::uint8_t p = 0;
  bool operator==(const PinHashParams&) const = default;
};

// N = 2^14, r = 8, p = 2: one check costs ~65 ms on the development machine (a 2-core Xeon VM;
// 2^14/8/1 alone is ~33 ms) and a few hundred ms on a slow ARM kiosk, both fine once per unlock.
// scrypt's memory is 128·r·N = 16 MiB whatever p is, since OpenSSL runs the p lanes one after
// the other; p = 2 doubles the time instead of the memory, because the kiosk's RSS budget
// (64 MiB for the whole daemon) cannot spare the 32 MiB of 2^15. The hash does not make a short
// PIN strong: whoever copies a card can try all 10^4 four-digit PINs in ~11 minutes on one core.
// It slows that down; the kiosk's lockout stops guessing at the kiosk, and a lost card is
// revoked.
inline constexpr PinHashParams kDefaultPinHashParams{14, 8, 2};

// The limits a card's parameters must keep, so that no card can make a kiosk spend seconds or
// hundreds of MiB on one PIN check: 2^10 <= N <= 2^20, 1 <= r <= 32, 1 <= p <= 16, 128·r·N at
// most 64 MiB.
std::expected<void, std::string> check_pin_hash_params(PinHashParams params);

struct PinVerifier {
  PinHashParams params;
  std::array<std::uint8_t, kPinSaltSize> salt{};
  std::array<std::uint8_t, kPinHashSize> hash{};
  bool operator==(const PinVerifier&) const = default;
};

struct StaffCard {
  EventId event_id = 0;
  KeyId key_id = 0;
  StaffCardId card_id = 0;  // from 1; 0 is never issued
  std::string staff_name;   // UTF-8, see check_staff_name
  PinVerifier pin;
  // Second resolution: milliseconds are dropped when encoded.
  Timestamp issued_at{};
  bool operator==(const StaffCard&) const = default;
};

// "S000042": how staff card ids appear in logs, the audit log and on screens.
std::string format_staff_card_id(StaffCardId id);
// "S000042", "s42" or "42" -> 42; an error that quotes the text otherwise.
std::expected<StaffCardId, std::string> parse_staff_card_id(std::string_view text);

// A name for a staff card: valid UTF-8, 1 to kMaxStaffNameBytes bytes, no control characters,
// no blanks at either end. The error says what is wrong.
std::expected<void, std::string> check_staff_name(std::string_view name);

}  // namespace einlass
