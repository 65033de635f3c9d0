#include "desk/day_counts.h"

#include <string>

#include "desk/desk_sql.h"

namespace einlass::desk_detail {

void count_expected(Database& db, DayMask days, DayCounts& counts) {
  SqlQuery q(db,
             "SELECT category, count(*) FROM attendees WHERE status = 'active' "
             "AND (days & :days) <> 0 GROUP BY category");
  q.bind(":days", std::int64_t{days});
  while (q.next()) {
    const auto n = q.integer(1);
    counts.by_category[static_cast<CategoryCode>(q.integer(0))].expected += n;
    counts.total.expected += n;
  }
}

void count_admitted(Database& db, int day, DayCounts& counts, bool by_category) {
  // One pass over the log. A ticket is on site when its last event that day (in merge order:
  // hybrid clock, kiosk, seq) is an entry; rather than finding every ticket's last event, the
  // query finds the few whose last event is an exit (exits are rare) and subtracts them from
  // the admitted. The later-event probe runs only for exits and uses the ticket index. Joining
  // the category costs a lookup per event: left out when only the totals are wanted.
  const std::string sql =
      std::string("SELECT ") + (by_category ? "a.category, " : "NULL, ") +
      "count(DISTINCT CASE WHEN e.kind <> 'exit' THEN e.ticket_id END), "
      "count(DISTINCT CASE WHEN e.kind = 'exit' "
      "  AND NOT EXISTS (SELECT 1 FROM admission_events l WHERE l.ticket_id = e.ticket_id "
      "    AND l.hlc_wall >= e.hlc_wall AND l.event_day = :day "
      "    AND (l.hlc_wall, l.hlc_logical, l.kiosk_id, l.seq) > "
      "        (e.hlc_wall, e.hlc_logical, e.kiosk_id, e.seq)) "
      "  AND EXISTS (SELECT 1 FROM admission_events n WHERE n.ticket_id = e.ticket_id "
      "    AND n.event_day = :day AND n.kind <> 'exit') "
      "  THEN e.ticket_id END) FROM admission_events e " +
      (by_category ? "LEFT JOIN attendees a ON a.ticket_id = e.ticket_id "
                     "WHERE e.event_day = :day GROUP BY a.category"
                   : "WHERE e.event_day = :day");
  SqlQuery q(db, sql);
  q.bind(":day", std::int64_t{day});
  while (q.next()) {
    const auto admitted = q.integer(1);
    if (const auto category = q.maybe_integer(0))
      counts.by_category[static_cast<CategoryCode>(*category)].admitted += admitted;
    counts.total.admitted += admitted;
    counts.on_site += admitted - q.integer(2);
  }
}

}  // namespace einlass::desk_detail
