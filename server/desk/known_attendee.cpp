#include "desk/known_attendee.h"

#include <string>

namespace einlass::desk_detail {

void fail_no_attendee(TicketId ticket) {
  fail(DeskError::Kind::not_found, "not_found", "no attendee " + format_ticket_id(ticket));
}

void require_active(const AttendeeRecord& record) {
  if (record.status != AttendeeStatus::active)
    fail(DeskError::Kind::conflict, "not_active",
         format_ticket_id(record.ticket_id) + " is " + std::string(to_string(record.status)));
}

}  // namespace einlass::desk_detail
