#include "storage/sync_log_repository.h"

#include <array>
#include <string_view>

#include "storage/column_codes.h"
#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

namespace {

constexpr std::array<std::pair<SyncLogKind, std::string_view>, 6> kKinds{{
    {SyncLogKind::attendee, "attendee"},
    {SyncLogKind::revocation, "revocation"},
    {SyncLogKind::admission, "admission"},
    {SyncLogKind::config, "config"},
    {SyncLogKind::tls, "tls"},
    {SyncLogKind::command, "command"},
}};

SyncLogKind kind_from_column(std::string_view text) {
  for (const auto& [kind, word] : kKinds)
    if (word == text) return kind;
  sd::fail(StorageError::Kind::corrupt,
           "unknown value '" + std::string(text) + "' in column sync_log.kind");
}

// Columns from `first`: kiosk_id, seq, ticket_id, kind, scan_time, hlc_wall, hlc_logical,
// event_day, staff, reason.
AdmissionEvent admission_from_row(sd::Query& q, int first) {
  AdmissionEvent e;
  e.key.kiosk_id = q.text(first);
  e.key.seq = sd::narrow_from_db<std::uint64_t>(q.int64(first + 1), "admission_events.seq");
  e.ticket_id = sd::narrow_from_db<TicketId>(q.int64(first + 2), "admission_events.ticket_id");
  e.kind = sd::admission_kind_from_column(q.text(first + 3));
  e.scan_time = from_unix_ms(q.int64(first + 4));
  e.hlc.wall_ms = q.int64(first + 5);
  e.hlc.logical =
      sd::narrow_from_db<std::uint32_t>(q.int64(first + 6), "admission_events.hlc_logical");
  e.event_day = sd::narrow_from_db<int>(q.int64(first + 7), "admission_events.event_day");
  e.staff = q.text(first + 8);
  e.reason = q.text(first + 9);
  return e;
}

// The joins are guarded by the row's kind, so each row finds at most its own subject.
constexpr const char* kEntriesAfter =
    "SELECT l.id, l.kind, l.ticket_id, l.kiosk_id, l.seq, "
    "a.ticket_id, a.display_name, a.organisation, a.category, a.days, a.status, "
    "r.ticket_id, r.revoked_at, r.reason, "
    "e.kiosk_id, e.seq, e.ticket_id, e.kind, e.scan_time, e.hlc_wall, e.hlc_logical, "
    "e.event_day, e.staff, e.reason "
    "FROM sync_log l "
    "LEFT JOIN attendees a ON l.kind = 'attendee' AND a.ticket_id = l.ticket_id "
    "LEFT JOIN revocations r ON l.kind = 'revocation' AND r.ticket_id = l.ticket_id "
    "LEFT JOIN admission_events e "
    "  ON l.kind = 'admission' AND e.kiosk_id = l.kiosk_id AND e.seq = l.seq "
    "WHERE l.id > ?1 ORDER BY l.id LIMIT ?2";

SyncLogEntry entry_from_row(sd::Query& q) {
  SyncLogEntry entry;
  entry.id = q.int64(0);
  entry.kind = kind_from_column(q.text(1));
  if (!q.is_null(2))
    entry.ticket_id = sd::narrow_from_db<TicketId>(q.int64(2), "sync_log.ticket_id");
  if (!q.is_null(3)) entry.kiosk_id = q.text(3);
  if (!q.is_null(4)) entry.seq = sd::narrow_from_db<std::uint64_t>(q.int64(4), "sync_log.seq");
  if (!q.is_null(5)) {
    AttendeeRecord r;
    r.ticket_id = sd::narrow_from_db<TicketId>(q.int64(5), "attendees.ticket_id");
    r.display_name = q.text(6);
    r.organisation = q.text(7);
    r.category = sd::narrow_from_db<CategoryCode>(q.int64(8), "attendees.category");
    r.days = sd::narrow_from_db<DayMask>(q.int64(9), "attendees.days");
    r.status = sd::status_from_column(q.text(10));
    entry.attendee = std::move(r);
  }
  if (!q.is_null(11)) {
    entry.revocation =
        Revocation{sd::narrow_from_db<TicketId>(q.int64(11), "revocations.ticket_id"),
                   from_unix_ms(q.int64(12)), q.text(13)};
  }
  if (!q.is_null(14)) entry.admission = admission_from_row(q, 14);
  return entry;
}

}  // namespace

StorageResult<std::int64_t> SyncLogRepository::latest_id() {
  return sd::guarded("reading the newest sync log entry", [&] {
    sd::require_kind(db_, DatabaseKind::server, "reading the sync log");
    sd::Query q(db_, "SELECT coalesce(max(id), 0) FROM sync_log");
    q.step();
    return q.int64(0);
  });
}

StorageResult<std::vector<SyncLogEntry>> SyncLogRepository::entries_after(std::int64_t after_id,
                                                                          std::size_t limit) {
  return sd::guarded("reading the sync log", [&] {
    sd::require_kind(db_, DatabaseKind::server, "reading the sync log");
    std::vector<SyncLogEntry> out;
    sd::Query q(db_, kEntriesAfter);
    q.bind(1, after_id).bind(2, static_cast<std::int64_t>(limit));
    while (q.step()) out.push_back(entry_from_row(q));
    return out;
  });
}

StorageResult<std::optional<AdmissionEvent>> SyncLogRepository::find_admission(
    const EventKey& key) {
  return sd::guarded("finding admission event " + key.kiosk_id + "#" + std::to_string(key.seq),
                     [&]() -> std::optional<AdmissionEvent> {
                       sd::Query q(db_,
                                   "SELECT kiosk_id, seq, ticket_id, kind, scan_time, hlc_wall, "
                                   "hlc_logical, event_day, staff, reason FROM admission_events "
                                   "WHERE kiosk_id = ?1 AND seq = ?2");
                       q.bind(1, key.kiosk_id).bind(2, sd::seq_to_db(key.seq));
                       if (!q.step()) return std::nullopt;
                       return admission_from_row(q, 0);
                     });
}

StorageResult<std::optional<Revocation>> SyncLogRepository::find_revocation(TicketId id) {
  return sd::guarded("finding the revocation of " + format_ticket_id(id),
                     [&]() -> std::optional<Revocation> {
                       sd::Query q(db_,
                                   "SELECT ticket_id, revoked_at, reason FROM revocations "
                                   "WHERE ticket_id = ?1");
                       q.bind(1, std::int64_t{id});
                       if (!q.step()) return std::nullopt;
                       return Revocation{id, from_unix_ms(q.int64(1)), q.text(2)};
                     });
}

StorageResult<std::vector<TicketId>> SyncLogRepository::tickets_with_history(
    std::span<const TicketId> tickets) {
  return sd::guarded("finding tickets with earlier admissions", [&] {
    // The ids travel as one JSON array, so one prepared statement serves any number of them.
    std::string ids = "[";
    for (const TicketId id : tickets) ids += (ids.size() > 1 ? "," : "") + std::to_string(id);
    ids += "]";
    sd::Query q(db_,
                "SELECT ticket_id FROM admission_events WHERE ticket_id IN "
                "(SELECT value FROM json_each(?1)) GROUP BY ticket_id HAVING count(*) > 1 "
                "UNION SELECT ticket_id FROM revocations WHERE ticket_id IN "
                "(SELECT value FROM json_each(?1))");
    q.bind(1, std::string_view(ids));
    std::vector<TicketId> found;
    while (q.step()) found.push_back(static_cast<TicketId>(q.int64(0)));
    return found;
  });
}

struct ConsistentRead::Impl {
  explicit Impl(Database& db) : tx(db.connection(), SQLite::TransactionBehavior::DEFERRED) {
    // A deferred transaction takes its snapshot at the first read, not at BEGIN.
    db.connection().execAndGet("SELECT count(*) FROM sqlite_schema");
  }
  SQLite::Transaction tx;  // rolled back on destruction: it wrote nothing
};

ConsistentRead::ConsistentRead(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ConsistentRead::ConsistentRead(ConsistentRead&&) noexcept = default;
ConsistentRead& ConsistentRead::operator=(ConsistentRead&&) noexcept = default;
ConsistentRead::~ConsistentRead() = default;

StorageResult<ConsistentRead> ConsistentRead::begin(Database& db) {
  auto impl =
      sd::guarded("starting a read transaction", [&] { return std::make_unique<Impl>(db); });
  if (!impl) return std::unexpected(std::move(impl.error()));
  return ConsistentRead{std::move(*impl)};
}

}  // namespace einlass
