// GET /export/attendance.csv: who came on which day, first entry and where.
#include "desk/csv_cell.h"
#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/desk_sql.h"
#include "desk/event_view.h"
#include "storage/sync_log_repository.h"

namespace einlass {

using namespace desk_detail;

DeskResult<std::string> DeskService::attendance_csv() {
  return guarded("exporting attendance", [&] {
    const auto read = need(ConsistentRead::begin(db_));
    const EventView view = load_event_view(db_);
    // The first entry of each ticket and day in merge order, the order that decides which of
    // two admissions counts as the first.
    SqlQuery q(db_,
               "SELECT e.ticket_id, a.display_name, a.organisation, a.category, a.status, "
               "e.event_day, e.scan_time, e.kiosk_id FROM ("
               "  SELECT ticket_id, event_day, scan_time, kiosk_id, row_number() OVER ("
               "    PARTITION BY ticket_id, event_day ORDER BY hlc_wall, hlc_logical, kiosk_id, seq"
               "  ) AS n FROM admission_events WHERE kind <> 'exit'"
               ") e LEFT JOIN attendees a ON a.ticket_id = e.ticket_id "
               "WHERE e.n = 1 ORDER BY e.ticket_id, e.event_day");
    std::string csv = "ticket,name,organisation,category,status,day,first_entry,kiosk\r\n";
    while (q.next()) {
      const auto category = q.maybe_integer(3);
      const std::string cells[] = {
          format_ticket_id(static_cast<TicketId>(q.integer(0))),
          q.text(1),
          q.text(2),
          category ? view.category_label(static_cast<CategoryCode>(*category)) : std::string(),
          q.text(4),
          std::to_string(q.integer(5)),
          view.time_text.iso(from_unix_ms(q.integer(6))),
          q.text(7)};
      bool first = true;
      for (const auto& cell : cells) {
        if (!first) csv += ',';
        first = false;
        csv += csv_cell(cell);
      }
      csv += "\r\n";
    }
    return csv;
  });
}

}  // namespace einlass
