#include "storage/alert_repository.h"

#include <array>
#include <utility>

#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

namespace {

constexpr std::array kKinds{AlertKind::duplicate,     AlertKind::admitted_after_revocation,
                            AlertKind::key_conflict,  AlertKind::clock_skew,
                            AlertKind::kiosk_offline, AlertKind::printer};

AlertKind kind_from_column(std::string_view text) {
  for (auto kind : kKinds)
    if (to_string(kind) == text) return kind;
  sd::fail(StorageError::Kind::corrupt,
           "unknown value '" + std::string(text) + "' in column alerts.kind");
}

constexpr const char* kSelectAlert =
    "SELECT id, kind, kiosk_id, seq, ticket_id, detail, raised_at, acknowledged_at, "
    "acknowledged_by FROM alerts ";

Alert alert_from_row(sd::Query& q) {
  Alert a;
  a.id = q.int64(0);
  a.what.kind = kind_from_column(q.text(1));
  a.what.kiosk_id = q.text(2);
  a.what.seq = sd::narrow_from_db<std::uint64_t>(q.int64(3), "alerts.seq");
  if (!q.is_null(4))
    a.what.ticket_id = sd::narrow_from_db<TicketId>(q.int64(4), "alerts.ticket_id");
  a.what.detail = q.text(5);
  a.raised_at = from_unix_ms(q.int64(6));
  if (!q.is_null(7)) a.acknowledged_at = from_unix_ms(q.int64(7));
  a.acknowledged_by = q.text(8);
  return a;
}

std::vector<Alert> select_alerts(Database& db, const std::string& sql) {
  std::vector<Alert> out;
  sd::Query q(db, sql);
  while (q.step()) out.push_back(alert_from_row(q));
  return out;
}

}  // namespace

std::string_view to_string(AlertKind kind) {
  switch (kind) {
    case AlertKind::duplicate:
      return "duplicate";
    case AlertKind::admitted_after_revocation:
      return "admitted_after_revocation";
    case AlertKind::key_conflict:
      return "key_conflict";
    case AlertKind::clock_skew:
      return "clock_skew";
    case AlertKind::kiosk_offline:
      return "kiosk_offline";
    case AlertKind::printer:
      return "printer";
  }
  return "duplicate";
}

StorageResult<bool> AlertRepository::raise(const NewAlert& alert, Timestamp at) {
  return sd::guarded("raising a " + std::string(to_string(alert.kind)) + " alert", [&] {
    sd::require_kind(db_, DatabaseKind::server, "raising an alert");
    sd::Query q(db_,
                "INSERT INTO alerts (kind, kiosk_id, seq, ticket_id, detail, raised_at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (kind, kiosk_id, seq) DO NOTHING");
    q.bind(1, to_string(alert.kind)).bind(2, alert.kiosk_id).bind(3, sd::seq_to_db(alert.seq));
    if (alert.ticket_id) q.bind(4, std::int64_t{*alert.ticket_id});
    q.bind(5, alert.detail).bind(6, to_unix_ms(at));
    return q.exec() == 1;
  });
}

StorageResult<bool> AlertRepository::acknowledge(std::int64_t id, std::string_view who,
                                                 Timestamp at) {
  return sd::guarded("acknowledging alert " + std::to_string(id), [&] {
    sd::require_kind(db_, DatabaseKind::server, "acknowledging an alert");
    return sd::Query(db_,
                     "UPDATE alerts SET acknowledged_at = ?2, acknowledged_by = ?3 "
                     "WHERE id = ?1 AND acknowledged_at IS NULL")
               .bind(1, id)
               .bind(2, to_unix_ms(at))
               .bind(3, who)
               .exec() == 1;
  });
}

StorageResult<std::vector<Alert>> AlertRepository::open() {
  return sd::guarded("listing open alerts", [&] {
    sd::require_kind(db_, DatabaseKind::server, "reading alerts");
    return select_alerts(db_,
                         std::string(kSelectAlert) + "WHERE acknowledged_at IS NULL ORDER BY id");
  });
}

StorageResult<std::vector<Alert>> AlertRepository::all() {
  return sd::guarded("listing alerts", [&] {
    sd::require_kind(db_, DatabaseKind::server, "reading alerts");
    return select_alerts(db_, std::string(kSelectAlert) + "ORDER BY id");
  });
}

}  // namespace einlass
