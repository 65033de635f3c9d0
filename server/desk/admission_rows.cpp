#include "desk/admission_rows.h"

#include "desk/desk_sql.h"
#include "desk/json_fields.h"

namespace einlass::desk_detail {

namespace {

// The attendee is joined, not required: a kiosk may admit a ticket the server no longer holds.
constexpr const char* kSelect =
    "SELECT e.kiosk_id, e.seq, e.ticket_id, e.kind, e.scan_time, e.event_day, e.staff, e.reason, "
    "e.hlc_wall, e.hlc_logical, a.display_name, a.organisation, a.category, "
    "EXISTS (SELECT 1 FROM alerts d WHERE d.kind = 'duplicate' AND d.kiosk_id = e.kiosk_id "
    "AND d.seq = e.seq) "
    "FROM admission_events e LEFT JOIN attendees a ON a.ticket_id = e.ticket_id";

std::string sql_for(const AdmissionRowQuery& q) {
  std::string sql = kSelect;
  std::string where;
  const auto add = [&](const char* condition) {
    where += where.empty() ? " WHERE " : " AND ";
    where += condition;
  };
  if (q.day) add("e.event_day = :day");
  if (!q.kiosk.empty()) add("e.kiosk_id = :kiosk");
  if (!q.kind.empty()) add("e.kind = :kind");
  if (q.ticket) add("e.ticket_id = :ticket");
  if (q.before)
    add("(e.hlc_wall, e.hlc_logical, e.kiosk_id, e.seq) < (:wall, :logical, :before_kiosk, "
        ":before_seq)");
  sql += where;
  sql += q.newest_first
             ? " ORDER BY e.hlc_wall DESC, e.hlc_logical DESC, e.kiosk_id DESC, e.seq DESC"
             : " ORDER BY e.hlc_wall, e.hlc_logical, e.kiosk_id, e.seq";
  if (q.limit) sql += " LIMIT :limit";
  return sql;
}

}  // namespace

std::vector<AdmissionRow> load_admissions(Database& db, const EventView& view,
                                          const AdmissionRowQuery& query) {
  SqlQuery q(db, sql_for(query));
  if (query.day) q.bind(":day", std::int64_t{*query.day});
  if (!query.kiosk.empty()) q.bind(":kiosk", query.kiosk);
  if (!query.kind.empty()) q.bind(":kind", query.kind);
  if (query.ticket) q.bind(":ticket", std::int64_t{*query.ticket});
  if (query.before) {
    q.bind(":wall", query.before->hlc_wall)
        .bind(":logical", query.before->hlc_logical)
        .bind(":before_kiosk", query.before->kiosk_id)
        .bind(":before_seq", query.before->seq);
  }
  if (query.limit) q.bind(":limit", static_cast<std::int64_t>(*query.limit));

  std::vector<AdmissionRow> rows;
  while (q.next()) {
    AdmissionRow row;
    row.position = {q.integer(8), q.integer(9), q.text(0), q.integer(1)};
    const auto category = q.maybe_integer(12);
    nlohmann::json& j = row.json;
    j["kiosk"] = row.position.kiosk_id;
    j["seq"] = row.position.seq;
    put_ticket(j, static_cast<TicketId>(q.integer(2)));
    j["name"] = q.text(10);
    j["organisation"] = q.text(11);
    j["category"] =
        category ? view.category_label(static_cast<CategoryCode>(*category)) : std::string();
    j["kind"] = q.text(3);
    j["time"] = q.integer(4);
    j["day"] = q.integer(5);
    j["staff"] = q.text(6);
    j["reason"] = q.text(7);
    j["duplicate"] = q.integer(13) != 0;
    rows.push_back(std::move(row));
  }
  return rows;
}

nlohmann::json admission_json(const EventView& view, const AdmissionEvent& event,
                              const AttendeeRecord& record, bool duplicate) {
  nlohmann::json j{{"kiosk", event.key.kiosk_id},
                   {"seq", static_cast<std::int64_t>(event.key.seq)},
                   {"name", record.display_name},
                   {"organisation", record.organisation},
                   {"category", view.category_label(record.category)},
                   {"kind", to_string(event.kind)},
                   {"time", to_unix_ms(event.scan_time)},
                   {"day", event.event_day},
                   {"staff", event.staff},
                   {"reason", event.reason},
                   {"duplicate", duplicate}};
  put_ticket(j, event.ticket_id);
  return j;
}

}  // namespace einlass::desk_detail
