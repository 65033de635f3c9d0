#include "soak/venue_codes.h"

#include <stdexcept>

#include "ticket/signing_key.h"
#include "ticket/ticket_codec.h"
#include "ticket/ticket_issuer.h"

namespace einlass::test {

std::string code_text(CodeKind kind, int ticket, const std::string& genuine) {
  if (kind == CodeKind::genuine) return genuine;
  auto parsed = parse_ticket(genuine);
  if (!parsed) throw std::invalid_argument("not a ticket: " + parsed.error().detail);
  Ticket t = parsed->ticket;
  switch (kind) {
    case CodeKind::genuine:
      break;
    case CodeKind::forged:
      // A visitor promotes themselves to speaker (or back): the bytes change, the signature not.
      t.category = t.category == 2 ? 1 : 2;
      return format_ticket_text(encode_ticket_payload(t), parsed->signature);
    case CodeKind::other_event:
      t.event_id += 1;
      t.ticket_id = static_cast<TicketId>(ticket);
      return issue_ticket(t, SigningKey::generate());
    case CodeKind::unknown_key:
      t.key_id = static_cast<KeyId>(t.key_id + 100);
      t.ticket_id = static_cast<TicketId>(ticket);
      return issue_ticket(t, SigningKey::generate());
  }
  return genuine;
}

}  // namespace einlass::test
