#pragma once
// Staff cards and keys shared by the staff card tests.
#include <array>
#include <cstdint>

#include "staffcard/pin.h"
#include "staffcard/staff_card.h"
#include "support/time_literals.h"
#include "ticket/keyring.h"
#include "ticket/signing_key.h"

namespace einlass::test {

inline constexpr EventId kStaffEvent = 2026'0915;

// The cheapest parameters a card may carry (1 MiB, ~2 ms), so that tests can check PINs often;
// the default parameters are checked on their own.
inline constexpr PinHashParams kFastPinHash{10, 8, 1};

inline constexpr std::array<std::uint8_t, kPinSaltSize> kFixedSalt{0, 1, 2,  3,  4,  5,  6,  7,
                                                                   8, 9, 10, 11, 12, 13, 14, 15};

inline StaffCard sample_staff_card(std::string name = "Anna Schäfer",
                                   std::string_view pin = "2580") {
  StaffCard c;
  c.event_id = kStaffEvent;
  c.key_id = 1;
  c.card_id = 7;
  c.staff_name = std::move(name);
  c.pin = make_pin_verifier(pin, kFastPinHash, kFixedSalt);
  c.issued_at = utc(2026, 9, 1, 10, 30, 15);
  return c;
}

inline Keyring staff_keyring(const SigningKey& key, KeyId id = 1, EventId event = kStaffEvent) {
  Keyring ring{event};
  (void)ring.add(id, key.public_key());
  return ring;
}

}  // namespace einlass::test
