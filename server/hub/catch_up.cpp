#include "hub/catch_up.h"

#include <unordered_map>
#include <utility>

#include "hub/replica_config.h"
#include "hub/sync_cursor.h"
#include "storage/admission_log.h"
#include "storage/attendee_repository.h"
#include "storage/revocation_repository.h"
#include "storage/sync_log_repository.h"

namespace einlass {

namespace {

// Called inside the caller's read transaction, so every part matches `newest`.
HubResult<std::vector<OutgoingChanges>> snapshot(Database& db, const Clock& clock,
                                                 ReplicaConfig config, std::int64_t newest) {
  const EventId event = config.event.id;
  ChangeSplitter parts(MessageType::snapshot, to_unix_ms(clock.now()));
  parts.current().config = std::move(config);

  auto registrations = AttendeeRepository(db, clock).all();
  if (!registrations) return storage_error(registrations.error());
  for (auto& registration : *registrations)
    parts.add_entry("").attendees.push_back(std::move(registration.record));  // never the e-mail

  auto revocations = RevocationRepository(db).all();
  if (!revocations) return storage_error(revocations.error());
  for (auto& revocation : *revocations)
    parts.add_entry("").revocations.push_back(std::move(revocation));

  auto admissions = AdmissionLog(db, clock).all();
  if (!admissions) return storage_error(admissions.error());
  for (auto& admission : *admissions)
    parts.add_entry("").admissions.push_back(std::move(admission));

  return parts.finish(format_cursor({event, newest}));
}

// An attendee or a revocation changed several times is sent once, as it is now, at the position
// of its last change: a message's cursor then never passes a change it does not carry.
struct Subject {
  SyncLogKind kind;
  TicketId ticket;
  bool operator==(const Subject&) const = default;
};
struct SubjectHash {
  std::size_t operator()(const Subject& s) const {
    return std::hash<std::uint64_t>{}((std::uint64_t{s.ticket} << 8) |
                                      static_cast<std::uint64_t>(s.kind));
  }
};

HubResult<std::vector<OutgoingChanges>> changes(Database& db, const Clock& clock,
                                                std::string_view kiosk_id, ReplicaConfig config,
                                                std::int64_t from, std::int64_t newest) {
  const EventId event = config.event.id;
  auto entries = SyncLogRepository(db).entries_after(from, static_cast<std::size_t>(newest - from));
  if (!entries) return storage_error(entries.error());
  if (entries->empty()) return {};

  std::unordered_map<Subject, std::int64_t, SubjectHash> last_change;
  bool config_changed = false;
  for (const auto& entry : *entries) {
    if (entry.kind == SyncLogKind::attendee || entry.kind == SyncLogKind::revocation)
      last_change[{entry.kind, entry.ticket_id}] = entry.id;
    config_changed = config_changed || entry.kind == SyncLogKind::config;
  }

  ChangeSplitter messages(MessageType::changes, to_unix_ms(clock.now()));
  if (config_changed) messages.current().config = std::move(config);
  for (auto& entry : *entries) {
    const auto cursor = [&] { return format_cursor({event, entry.id}); };
    switch (entry.kind) {
      case SyncLogKind::attendee:
        if (last_change[{entry.kind, entry.ticket_id}] != entry.id) break;
        if (entry.attendee)
          messages.add_entry(cursor()).attendees.push_back(std::move(*entry.attendee));
        else
          messages.add_entry(cursor()).removed_attendees.push_back(entry.ticket_id);
        break;
      case SyncLogKind::revocation:
        if (last_change[{entry.kind, entry.ticket_id}] != entry.id) break;
        if (entry.revocation)
          messages.add_entry(cursor()).revocations.push_back(std::move(*entry.revocation));
        else
          messages.add_entry(cursor()).withdrawn_revocations.push_back(entry.ticket_id);
        break;
      case SyncLogKind::admission:
        // The kiosk's own events are skipped but still passed by the cursor.
        if (entry.admission && entry.kiosk_id != kiosk_id)
          messages.add_entry(cursor()).admissions.push_back(std::move(*entry.admission));
        break;
      case SyncLogKind::config:  // sent once, above
      case SyncLogKind::tls:     // the server's own business
      case SyncLogKind::command:
        break;
    }
  }
  return messages.finish(format_cursor({event, entries->back().id}));
}

}  // namespace

HubResult<std::vector<OutgoingChanges>> catch_up(Database& db, const Clock& clock,
                                                 std::string_view kiosk_id,
                                                 std::string_view cursor) {
  auto read = ConsistentRead::begin(db);
  if (!read) return storage_error(read.error());
  auto newest = SyncLogRepository(db).latest_id();
  if (!newest) return storage_error(newest.error());
  auto config = load_replica_config(db);
  if (!config) return std::unexpected(config.error());
  const auto from = continue_from(cursor, config->event.id, *newest);
  if (!from || *newest - *from > kMaxChangesBehind)
    return snapshot(db, clock, std::move(*config), *newest);
  if (*from == *newest) return {};
  return changes(db, clock, kiosk_id, std::move(*config), *from, *newest);
}

}  // namespace einlass
