#pragma once
// Verification: what a kiosk does with a scanned code, offline.
#include <expected>
#include <string_view>

#include "ticket/keyring.h"
#include "ticket/ticket.h"
#include "ticket/ticket_error.h"

namespace einlass {

// The ticket's fields if `scanned` is a genuine ticket of the keyring's event signed by one of its
// keys; otherwise why not, checked in this order: not_a_ticket, malformed, unsupported_version,
// other_event, unknown_key, bad_signature. Never throws.
std::expected<Ticket, TicketError> verify_ticket(std::string_view scanned, const Keyring& keyring);

}  // namespace einlass
