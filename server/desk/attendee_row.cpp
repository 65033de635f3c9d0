#include "desk/attendee_row.h"

#include "desk/json_fields.h"

namespace einlass::desk_detail {

nlohmann::json attendee_row(const EventView& view, const AttendeeRecord& record, bool revoked,
                            bool admitted_today) {
  nlohmann::json j{{"name", record.display_name},
                   {"organisation", record.organisation},
                   {"category", view.category_label(record.category)},
                   {"status", to_string(record.status)},
                   {"revoked", revoked},
                   {"admitted_today", admitted_today}};
  put_ticket(j, record.ticket_id);
  return j;
}

}  // namespace einlass::desk_detail
