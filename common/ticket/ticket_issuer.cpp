#include "ticket/ticket_issuer.h"

#include "ticket/ticket_codec.h"

namespace einlass {

std::string issue_ticket(const Ticket& ticket, const SigningKey& key) {
  const std::vector<std::uint8_t> payload = encode_ticket_payload(ticket);
  return format_ticket_text(payload, key.sign(payload));
}

}  // namespace einlass
