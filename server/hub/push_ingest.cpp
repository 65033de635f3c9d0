#include "hub/push_ingest.h"

#include <algorithm>
#include <unordered_set>

#include "hub/admission_alerts.h"
#include "storage/admission_log.h"
#include "storage/alert_repository.h"
#include "storage/event_repository.h"
#include "storage/sync_log_repository.h"

namespace einlass {

namespace {

// Stores one event; a known key with other content raises key_conflict instead of failing, so
// the kiosk's push is still acknowledged and it moves on (the first version stays).
HubResult<bool> store(Database& db, const Clock& clock, const AdmissionEvent& event,
                      std::vector<NewAlert>& alerts) {
  auto appended = AdmissionLog(db, clock).append(event);
  if (appended) return *appended;
  if (appended.error().kind != StorageError::Kind::constraint)
    return storage_error(appended.error());
  auto kept = SyncLogRepository(db).find_admission(event.key);
  if (!kept) return storage_error(kept.error());
  if (!*kept || **kept == event) return storage_error(appended.error());
  alerts.push_back(key_conflict_alert(**kept, event));
  return false;
}

HubResult<void> merge_ticket(Database& db, const Clock& clock, TicketId ticket,
                             ReentryPolicy policy, std::vector<NewAlert>& alerts) {
  auto events = AdmissionLog(db, clock).events_for_ticket(ticket);
  if (!events) return storage_error(events.error());
  auto revocation = SyncLogRepository(db).find_revocation(ticket);
  if (!revocation) return storage_error(revocation.error());
  std::span<const Revocation> revocations;
  if (*revocation) revocations = std::span<const Revocation>(&**revocation, 1);
  const auto merged = merge_events(*events, revocations, policy);
  for (auto& alert : alerts_for(merged, revocation->has_value() ? &**revocation : nullptr))
    alerts.push_back(std::move(alert));
  return {};
}

}  // namespace

HubResult<ReentryPolicy> reentry_policy(Database& db) {
  auto event = EventRepository(db).load();
  if (!event) return storage_error(event.error());
  if (!*event) return hub_error(HubError::Kind::invalid, db.path().string() + " holds no event");
  return (*event)->reentry;
}

HubResult<PushOutcome> ingest_push(Database& db, const Clock& clock, ReentryPolicy policy,
                                   std::string_view kiosk_id, const Push& push) {
  PushOutcome outcome;
  outcome.ack.kiosk_id = std::string(kiosk_id);
  for (const auto& event : push.events) {
    if (event.key.kiosk_id != kiosk_id)
      return hub_error(HubError::Kind::protocol, "kiosk " + std::string(kiosk_id) +
                                                     " pushed event " + describe_key(event.key) +
                                                     " of another kiosk");
  }
  if (push.events.empty()) return outcome;
  const auto [lowest, highest] =
      std::ranges::minmax(push.events, {}, [](const AdmissionEvent& e) { return e.key.seq; });
  outcome.ack.first_seq = lowest.key.seq;
  outcome.ack.last_seq = highest.key.seq;

  std::vector<NewAlert> alerts;
  std::vector<TicketId> touched;
  std::unordered_set<TicketId> seen;
  for (const auto& event : push.events) {
    auto stored = store(db, clock, event, alerts);
    if (!stored) return std::unexpected(stored.error());
    if (!*stored) continue;
    ++outcome.stored;
    if (seen.insert(event.ticket_id).second) touched.push_back(event.ticket_id);
  }
  // Only tickets with new events can have new flags: a new event may also make an older one a
  // duplicate (it has an earlier clock stamp), which the merge of the whole ticket finds.
  auto to_merge = SyncLogRepository(db).tickets_with_history(touched);
  if (!to_merge) return storage_error(to_merge.error());
  for (const TicketId ticket : *to_merge) {
    if (auto merged = merge_ticket(db, clock, ticket, policy, alerts); !merged)
      return std::unexpected(merged.error());
  }
  const Timestamp now = clock.now();
  AlertRepository repository(db);
  for (const auto& alert : alerts) {
    auto raised = repository.raise(alert, now);
    if (!raised) return storage_error(raised.error());
    if (*raised) outcome.alerts.push_back(alert);
  }
  return outcome;
}

}  // namespace einlass
