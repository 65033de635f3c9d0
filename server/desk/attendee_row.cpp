#include "desk/attendee_row.h"

#include "desk/desk_sql.h"
#include "desk/json_fields.h"

namespace einlass::desk_detail {

nlohmann::json attendee_row(Database& db, const EventView& view, const AttendeeRecord& record,
                            std::optional<int> today) {
  SqlQuery q(db,
             "SELECT EXISTS (SELECT 1 FROM revocations WHERE ticket_id = :ticket), "
             "EXISTS (SELECT 1 FROM admission_events WHERE ticket_id = :ticket "
             "AND event_day = :day AND kind <> 'exit')");
  q.bind(":ticket", std::int64_t{record.ticket_id}).bind(":day", std::int64_t{today.value_or(0)});
  q.next();
  nlohmann::json j{{"name", record.display_name},
                   {"organisation", record.organisation},
                   {"category", view.category_label(record.category)},
                   {"status", to_string(record.status)},
                   {"revoked", q.integer(0) != 0},
                   {"admitted_today", today && q.integer(1) != 0}};
  put_ticket(j, record.ticket_id);
  return j;
}

}  // namespace einlass::desk_detail
