#pragma once
// Tickets and keys shared by the ticket tests.
#include <string>
#include <string_view>

#include "support/time_literals.h"
#include "ticket/keyring.h"
#include "ticket/signing_key.h"
#include "ticket/ticket.h"

namespace einlass::test {

// The QR code alphanumeric characters (ISO/IEC 18004) without the space, written out here rather
// than taken from the codec, so that the codec's alphabet is checked against the standard.
inline constexpr std::string_view kQrAlphanumericWithoutSpace =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$%*+-./:";

inline constexpr EventId kEvent = 2026'0915;

// Everything set, German text that packs as Latin-1, a time window on whole minutes.
inline Ticket full_ticket() {
  Ticket t;
  t.key_id = 1;
  t.event_id = kEvent;
  t.ticket_id = 4711;
  t.category = 2;
  t.days = 0b11;
  t.valid_from = utc(2026, 9, 15, 6, 30);
  t.valid_until = utc(2026, 9, 16, 18, 0);
  t.display_name = "Dr. Jürgen Weiß-Öztürk";
  t.organisation = "Landesamt für Digitalisierung, Straßen- und Brückenbau";
  return t;
}

inline Ticket minimal_ticket() {
  Ticket t;
  t.key_id = 1;
  t.event_id = kEvent;
  t.ticket_id = 1;
  t.category = 1;
  t.days = 1;
  return t;
}

inline Keyring keyring_with(const SigningKey& key, KeyId id = 1, EventId event = kEvent) {
  Keyring ring{event};
  (void)ring.add(id, key.public_key());
  return ring;
}

}  // namespace einlass::test
