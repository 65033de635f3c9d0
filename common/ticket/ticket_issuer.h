#pragma once
// Issuing: encode and sign a ticket into the text that goes into its QR code.
#include <string>

#include "ticket/signing_key.h"
#include "ticket/ticket.h"

namespace einlass {

// "EINLASS:...". `key` must be the key the kiosks know under ticket.key_id. Requires
// check_encodable(ticket) (ticket_codec.h); aborts otherwise rather than issue a ticket that no
// kiosk could read, so check imported data first.
std::string issue_ticket(const Ticket& ticket, const SigningKey& key);

}  // namespace einlass
