#pragma once
// Verification: what a kiosk does with a scanned staff card, offline. Whether the card was
// revoked is the caller's question (the replica's list); whether the PIN is right is check_pin's.
#include <expected>
#include <string_view>

#include "staffcard/staff_card.h"
#include "staffcard/staff_card_error.h"
#include "ticket/keyring.h"

namespace einlass {

// The card if `scanned` is a genuine staff card of the keyring's event signed by one of its
// keys; otherwise why not, checked in this order: not_a_staff_card, malformed,
// unsupported_version, other_event, unknown_key, bad_signature. Never throws.
std::expected<StaffCard, StaffCardError> verify_staff_card(std::string_view scanned,
                                                           const Keyring& keyring);

// True when `scanned` carries the staff card prefix: the kiosk's scan loop asks this first and
// hands everything else to the ticket verifier.
bool looks_like_staff_card(std::string_view scanned);

}  // namespace einlass
