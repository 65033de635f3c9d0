#include "ticket/ticket.h"

#include <charconv>
#include <cstdio>

namespace einlass {

std::string format_ticket_id(TicketId id) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%06u", unsigned(id));
  return buf;
}

std::expected<TicketId, std::string> parse_ticket_id(std::string_view text) {
  std::string_view digits = text;
  if (!digits.empty() && (digits.front() == 'T' || digits.front() == 't')) digits.remove_prefix(1);
  TicketId id = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || id == 0)
    return std::unexpected("'" + std::string{text} + "' is not a ticket id like T000042");
  return id;
}

}  // namespace einlass
