// What the live feed polls: a text that changes whenever anything the dashboard shows changes.
// Each part is an index lookup (the newest id of an append-only table) or a pass over the few
// rows of the kiosks table.
#include "desk/change_fingerprint.h"

#include <functional>
#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/desk_sql.h"

namespace einlass {

namespace desk_detail {

std::string change_fingerprint(Database& db) {
  // sync_log: admissions, attendees' badge fields and status, revocations, commands, the
  // event. audit_log: every staff and organiser action (acknowledgements included). alerts:
  // new alerts. kiosks: what the kiosk table shows, but not last_seen and not the clock skew to
  // the millisecond, which move with every heartbeat: browsers would reload every second for
  // nothing. A kiosk that falls silent shows through its kiosk_offline alert.
  SqlQuery q(db,
             "SELECT (SELECT coalesce(max(id), 0) FROM sync_log), "
             "(SELECT coalesce(max(id), 0) FROM audit_log), "
             "(SELECT coalesce(max(id), 0) FROM alerts), "
             "(SELECT coalesce(group_concat(kiosk_id || ' ' || connected || ' ' || software || ' ' "
             "|| unsynced || ' ' || coalesce(clock_skew_ms / 1000, '-') || ' ' || last_command || "
             "' ' || health, char(10)), '') FROM kiosks)");
  std::string text;
  if (q.next()) {
    for (int column = 0; column < 3; ++column) text += std::to_string(q.integer(column)) + '-';
    // A hundred kiosks' health is some kilobytes: keep its digest, not the text.
    text += std::to_string(std::hash<std::string>{}(q.text(3)));
  }
  return text;
}

}  // namespace desk_detail

DeskResult<std::string> DeskService::fingerprint() {
  return desk_detail::guarded("reading what changed",
                              [&] { return desk_detail::change_fingerprint(db_); });
}

}  // namespace einlass
