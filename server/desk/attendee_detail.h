#pragma once
// Internal to einlass_desk: the attendee page's data, also the answer to cancel and revoke.
#include <nlohmann/json.hpp>

#include "base/time.h"
#include "storage/database.h"
#include "ticket/ticket.h"

namespace einlass::desk_detail {

// Fails with not_found for a ticket without registration.
nlohmann::json attendee_detail(Database& db, const Clock& clock, TicketId ticket);

}  // namespace einlass::desk_detail
