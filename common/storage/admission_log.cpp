#include "storage/admission_log.h"

#include <string>

#include "storage/admission_rows.h"
#include "storage/column_codes.h"
#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

namespace storage_detail {

namespace {

constexpr const char* kSelectEvent =
    "SELECT kiosk_id, seq, ticket_id, kind, scan_time, hlc_wall, hlc_logical, event_day, staff, "
    "reason FROM admission_events ";

AdmissionEvent event_from_row(Query& q) {
  AdmissionEvent e;
  e.key.kiosk_id = q.text(0);
  e.key.seq = narrow_from_db<std::uint64_t>(q.int64(1), "admission_events.seq");
  e.ticket_id = narrow_from_db<TicketId>(q.int64(2), "admission_events.ticket_id");
  e.kind = admission_kind_from_column(q.text(3));
  e.scan_time = from_unix_ms(q.int64(4));
  e.hlc.wall_ms = q.int64(5);
  e.hlc.logical = narrow_from_db<std::uint32_t>(q.int64(6), "admission_events.hlc_logical");
  e.event_day = narrow_from_db<int>(q.int64(7), "admission_events.event_day");
  e.staff = q.text(8);
  e.reason = q.text(9);
  return e;
}

std::string describe(const EventKey& key) {
  return "admission event " + key.kiosk_id + "#" + std::to_string(key.seq);
}

std::vector<AdmissionEvent> select_events(Database& db, const std::string& sql,
                                          std::optional<TicketId> ticket) {
  std::vector<AdmissionEvent> out;
  Query q(db, sql);
  if (ticket) q.bind(1, std::int64_t{*ticket});
  while (q.step()) out.push_back(event_from_row(q));
  return out;
}

}  // namespace

namespace {

enum class Stored { added, identical, different };

Stored store_event(Database& db, const AdmissionEvent& event, Timestamp received_at) {
  const int inserted =
      Query(db,
            "INSERT INTO admission_events (kiosk_id, seq, ticket_id, kind, scan_time, hlc_wall, "
            "hlc_logical, event_day, staff, reason, received_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
            "ON CONFLICT (kiosk_id, seq) DO NOTHING")
          .bind(1, event.key.kiosk_id)
          .bind(2, seq_to_db(event.key.seq))
          .bind(3, std::int64_t{event.ticket_id})
          .bind(4, to_string(event.kind))
          .bind(5, to_unix_ms(event.scan_time))
          .bind(6, event.hlc.wall_ms)
          .bind(7, std::int64_t{event.hlc.logical})
          .bind(8, std::int64_t{event.event_day})
          .bind(9, event.staff)
          .bind(10, event.reason)
          .bind(11, to_unix_ms(received_at))
          .exec();
  if (inserted == 1) return Stored::added;
  Query q(db, std::string(kSelectEvent) + "WHERE kiosk_id = ?1 AND seq = ?2");
  q.bind(1, event.key.kiosk_id).bind(2, seq_to_db(event.key.seq));
  return q.step() && event_from_row(q) == event ? Stored::identical : Stored::different;
}

}  // namespace

bool insert_admission_event(Database& db, const AdmissionEvent& event, Timestamp received_at,
                            OnKnownKey on_known) {
  const Stored stored = store_event(db, event, received_at);
  if (stored == Stored::added) return true;
  if (on_known == OnKnownKey::refuse) {
    fail(StorageError::Kind::constraint,
         describe(event.key) + " is already stored: the sequence number was used before");
  }
  if (stored == Stored::identical) return false;
  fail(StorageError::Kind::constraint,
       describe(event.key) + " is already stored with different content");
}

namespace {

AppendSummary append_skipping_conflicts(Database& db, std::span<const AdmissionEvent> events,
                                        Timestamp received_at) {
  AppendSummary summary;
  for (const auto& e : events) {
    switch (store_event(db, e, received_at)) {
      case Stored::added:
        ++summary.added;
        break;
      case Stored::identical:
        ++summary.known;
        break;
      case Stored::different:
        summary.conflicting.push_back(e.key);
        break;
    }
  }
  return summary;
}

}  // namespace

}  // namespace storage_detail

namespace {
constexpr const char* kOrder = "ORDER BY hlc_wall, hlc_logical, kiosk_id, seq";
}

StorageResult<bool> AdmissionLog::append(const AdmissionEvent& event) {
  return sd::guarded("storing an admission event", [&] {
    return sd::insert_admission_event(db_, event, clock_.now(),
                                      sd::OnKnownKey::ignore_if_identical);
  });
}

StorageResult<std::size_t> AdmissionLog::append_batch(std::span<const AdmissionEvent> events) {
  return sd::guarded("storing admission events", [&] {
    const Timestamp now = clock_.now();
    std::size_t added = 0;
    sd::WriteTransaction tx(db_);
    for (const auto& e : events) {
      if (sd::insert_admission_event(db_, e, now, sd::OnKnownKey::ignore_if_identical)) ++added;
    }
    tx.commit();
    return added;
  });
}

StorageResult<AppendSummary> AdmissionLog::append_skipping_conflicts(
    std::span<const AdmissionEvent> events) {
  return sd::guarded("storing admission events", [&] {
    sd::WriteTransaction tx(db_);
    AppendSummary summary = sd::append_skipping_conflicts(db_, events, clock_.now());
    tx.commit();
    return summary;
  });
}

StorageResult<std::vector<AdmissionEvent>> AdmissionLog::events_of_kiosk_after(
    std::string_view kiosk_id, std::uint64_t after, std::size_t limit) {
  return sd::guarded("reading the admissions of kiosk " + std::string(kiosk_id), [&] {
    std::vector<AdmissionEvent> out;
    sd::Query q(db_, std::string(sd::kSelectEvent) +
                         "WHERE kiosk_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3");
    q.bind(1, kiosk_id).bind(2, sd::seq_to_db(after)).bind(3, sd::seq_to_db(std::uint64_t{limit}));
    while (q.step()) out.push_back(sd::event_from_row(q));
    return out;
  });
}

StorageResult<std::uint64_t> AdmissionLog::count_of_kiosk_after(std::string_view kiosk_id,
                                                                std::uint64_t after) {
  return sd::guarded("counting the admissions of kiosk " + std::string(kiosk_id), [&] {
    sd::Query q(db_, "SELECT count(*) FROM admission_events WHERE kiosk_id = ?1 AND seq > ?2");
    q.bind(1, kiosk_id).bind(2, sd::seq_to_db(after));
    q.step();
    return sd::narrow_from_db<std::uint64_t>(q.int64(0), "count(admission_events)");
  });
}

StorageResult<std::uint64_t> AdmissionLog::highest_seq_of_kiosk(std::string_view kiosk_id) {
  return sd::guarded("reading the last admission of kiosk " + std::string(kiosk_id), [&] {
    sd::Query q(db_, "SELECT max(seq) FROM admission_events WHERE kiosk_id = ?1");
    q.bind(1, kiosk_id);
    if (!q.step() || q.is_null(0)) return std::uint64_t{0};
    return sd::narrow_from_db<std::uint64_t>(q.int64(0), "admission_events.seq");
  });
}

StorageResult<std::vector<AdmissionEvent>> AdmissionLog::events_for_ticket(TicketId id) {
  return sd::guarded("reading the admissions of " + format_ticket_id(id), [&] {
    return sd::select_events(db_, std::string(sd::kSelectEvent) + "WHERE ticket_id = ?1 " + kOrder,
                             id);
  });
}

StorageResult<std::vector<AdmissionEvent>> AdmissionLog::all() {
  return sd::guarded("reading the admission log", [&] {
    return sd::select_events(db_, std::string(sd::kSelectEvent) + kOrder, std::nullopt);
  });
}

StorageResult<std::int64_t> AdmissionLog::count() {
  return sd::guarded("counting admission events", [&] {
    sd::Query q(db_, "SELECT count(*) FROM admission_events");
    q.step();
    return q.int64(0);
  });
}

}  // namespace einlass
