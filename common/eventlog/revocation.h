#pragma once
// A ticket withdrawn by staff on the server. Kiosks refuse it once synced; admissions made while a
// kiosk had not heard of it yet are flagged when the logs are merged (scenario 10).
#include <string>

#include "base/time.h"
#include "ticket/ticket.h"

namespace einlass {

struct Revocation {
  TicketId ticket_id = 0;
  Timestamp revoked_at{};
  std::string reason;
  bool operator==(const Revocation&) const = default;
};

}  // namespace einlass
