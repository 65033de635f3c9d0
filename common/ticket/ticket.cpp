#include "ticket/ticket.h"

#include <cstdio>

namespace einlass {

std::string format_ticket_id(TicketId id) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%06u", unsigned(id));
  return buf;
}

}  // namespace einlass
