#include "ticket/ticket_verifier.h"

#include <utility>

#include "ticket/ticket_codec.h"

namespace einlass {

std::expected<Ticket, TicketError> verify_ticket(std::string_view scanned, const Keyring& keyring) {
  auto parsed = parse_ticket(scanned);
  if (!parsed) return std::unexpected(std::move(parsed.error()));
  const Ticket& t = parsed->ticket;
  // Only ids are named in the details: they end up in logs, names must not.
  if (t.event_id != keyring.event_id()) {
    return std::unexpected(
        TicketError{TicketProblem::other_event, "ticket of event " + std::to_string(t.event_id) +
                                                    ", this kiosk admits event " +
                                                    std::to_string(keyring.event_id())});
  }
  if (!keyring.contains(t.key_id)) {
    return std::unexpected(TicketError{
        TicketProblem::unknown_key,
        "signed with key " + std::to_string(t.key_id) + ", which this kiosk does not hold"});
  }
  if (!keyring.verify(t.key_id, parsed->signed_bytes, parsed->signature)) {
    return std::unexpected(
        TicketError{TicketProblem::bad_signature,
                    "the signature does not match: forged or altered (claims to be " +
                        format_ticket_id(t.ticket_id) + ")"});
  }
  return std::move(parsed->ticket);
}

}  // namespace einlass
