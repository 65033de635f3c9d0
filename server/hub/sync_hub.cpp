#include "hub/sync_hub.h"

#include <cstdlib>

#include "hub/admission_alerts.h"
#include "hub/health_json.h"
#include "hub/kiosk_commands.h"
#include "hub/push_ingest.h"
#include "storage/admission_log.h"
#include "storage/alert_repository.h"
#include "storage/kiosk_registry.h"
#include "storage/sync_log_repository.h"
#include "storage/transaction.h"

namespace einlass {

namespace {

template <class T>
HubResult<void> done(const StorageResult<T>& result) {
  if (!result) return storage_error(result.error());
  return {};
}

bool is_fault(PrinterHealth state) {
  return state == PrinterHealth::paper_out || state == PrinterHealth::offline ||
         state == PrinterHealth::error;
}

std::string skew_text(std::int64_t skew_ms) {
  const std::int64_t tenths = std::llabs(skew_ms) / 100;
  return "kiosk clock " + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " s " +
         (skew_ms > 0 ? "ahead of" : "behind") + " the server (" + std::to_string(skew_ms) + " ms)";
}

}  // namespace

HubResult<void> SyncHub::reset_connections() {
  return done(KioskRegistry(db_).reset_connections());
}

HubResult<void> SyncHub::kiosk_connected(const Hello& hello, std::string_view address) {
  if (auto ok = check_kiosk_id(hello.kiosk_id); !ok)
    return hub_error(HubError::Kind::protocol, ok.error());
  if (hello.kiosk_id == kDeskKioskId) {
    return hub_error(HubError::Kind::protocol, "\"" + std::string(kDeskKioskId) +
                                                   "\" is the desk's, not a kiosk's: provision "
                                                   "the kiosk under another name");
  }
  return done(KioskRegistry(db_).connected(hello.kiosk_id, hello.software, address, clock_.now()));
}

HubResult<void> SyncHub::kiosk_disconnected(std::string_view kiosk_id) {
  return done(KioskRegistry(db_).disconnected(kiosk_id, clock_.now()));
}

HubResult<PushOutcome> SyncHub::push(std::string_view kiosk_id, const Push& push) {
  const KioskPush one{std::string(kiosk_id), push};
  return std::move(push_batch({&one, 1}).front());
}

namespace {

// All pushes in one transaction, or nothing: empty when one of them failed (all rolled back).
std::vector<HubResult<PushOutcome>> push_together(Database& db, const Clock& clock,
                                                  std::span<const KioskPush> pushes) {
  std::vector<HubResult<PushOutcome>> results;
  results.reserve(pushes.size());
  auto tx = Transaction::begin(db);
  if (!tx) {
    for (std::size_t i = 0; i < pushes.size(); ++i) results.push_back(storage_error(tx.error()));
    return results;
  }
  const auto policy = reentry_policy(db);
  for (const auto& [kiosk_id, push] : pushes) {
    results.push_back(policy ? ingest_push(db, clock, *policy, kiosk_id, push)
                             : HubResult<PushOutcome>(std::unexpected(policy.error())));
    if (!results.back()) return pushes.size() == 1 ? results : decltype(results){};
  }
  if (auto committed = tx->commit(); !committed)
    for (auto& result : results) result = storage_error(committed.error());
  return results;
}

}  // namespace

std::vector<HubResult<PushOutcome>> SyncHub::push_batch(std::span<const KioskPush> pushes) {
  // Optimistic: one commit for all. Should one push fail, each is stored again on its own, so
  // the others still land (the failed one's transaction rolls back alone).
  auto results = push_together(db_, clock_, pushes);
  if (results.empty()) {
    for (std::size_t i = 0; i < pushes.size(); ++i)
      results.push_back(std::move(push_together(db_, clock_, pushes.subspan(i, 1)).front()));
  }
  for (std::size_t i = 0; i < pushes.size(); ++i) {
    if (!results[i]) continue;
    for (const auto& event : pushes[i].push.events)
      if (event.kind != AdmissionKind::exit)
        claims_.release(pushes[i].kiosk_id, event.ticket_id, event.event_day);
  }
  return results;
}

HubResult<std::vector<OutgoingChanges>> SyncHub::catch_up(std::string_view kiosk_id,
                                                          std::string_view cursor) {
  return einlass::catch_up(db_, clock_, kiosk_id, cursor);
}

HubResult<ClaimResult> SyncHub::claim(std::string_view kiosk_id, const Claim& claim) {
  ClaimResult result;
  result.request = claim.request;
  const auto policy = reentry_policy(db_);
  if (!policy) return std::unexpected(policy.error());
  auto events = AdmissionLog(db_, clock_).events_for_ticket(claim.ticket_id);
  if (!events) return storage_error(events.error());

  const auto merged = merge_events(*events, {}, *policy);
  const TicketDayState* state = find_state(merged, claim.ticket_id, claim.event_day);
  // Under deny one entry per day uses the ticket up; under allow_after_exit an exit gives it back.
  const bool used =
      state != nullptr && (*policy == ReentryPolicy::deny ? state->admitted : state->on_site);
  if (used) {
    for (const auto& e : *events)  // in clock order, as the log returns them
      if (e.event_day == claim.event_day) result.admissions.push_back(e);
    return result;
  }
  if (auto holder = claims_.reserve(kiosk_id, claim.ticket_id, claim.event_day, clock_.now())) {
    result.claimed_by = std::move(*holder);
    return result;
  }
  result.granted = true;
  return result;
}

HubResult<std::vector<std::string>> SyncHub::heartbeat(std::string_view kiosk_id,
                                                       const Heartbeat& heartbeat) {
  KioskRegistry registry(db_);
  auto before = registry.find(kiosk_id);
  if (!before) return storage_error(before.error());
  std::optional<DeviceHealth> previous;
  if (*before) previous = health_from_json((*before)->health_json);

  const Timestamp now = clock_.now();
  KioskReport report;
  report.health_json = health_to_json(heartbeat.health);
  report.unsynced = heartbeat.unsynced;
  report.clock_skew_ms = heartbeat.kiosk_time_ms - to_unix_ms(now);
  report.last_command = heartbeat.last_command;
  if (auto stored = registry.report(kiosk_id, report, now); !stored)
    return storage_error(stored.error());

  std::vector<NewAlert> alerts;
  if (std::llabs(report.clock_skew_ms) > kClockSkewAlert.count())
    alerts.push_back({AlertKind::clock_skew, std::string(kiosk_id), 0, std::nullopt,
                      skew_text(report.clock_skew_ms)});
  const bool was_fine = !previous || !is_fault(previous->printer);
  if (was_fine && is_fault(heartbeat.health.printer)) {
    std::string detail = "printer " + std::string(printer_word(heartbeat.health.printer));
    if (!heartbeat.health.printer_detail.empty()) detail += ": " + heartbeat.health.printer_detail;
    // One alert per fault episode: the episode is named by the moment it was first reported.
    alerts.push_back({AlertKind::printer, std::string(kiosk_id),
                      static_cast<std::uint64_t>(to_unix_ms(now)), std::nullopt, detail});
  }
  std::vector<std::string> lines;
  AlertRepository repository(db_);
  for (const auto& alert : alerts) {
    auto raised = repository.raise(alert, now);
    if (!raised) return storage_error(raised.error());
    if (*raised) lines.push_back(alert_line(alert));
  }
  return lines;
}

HubResult<std::vector<Command>> SyncHub::pending_commands(std::string_view kiosk_id,
                                                          std::uint64_t after_id) {
  return commands_after(db_, kiosk_id, after_id);
}

HubResult<std::int64_t> SyncHub::latest_change() {
  auto latest = SyncLogRepository(db_).latest_id();
  if (!latest) return storage_error(latest.error());
  return *latest;
}

HubResult<std::vector<std::string>> SyncHub::revoked_certificate_serials() {
  auto serials = KioskRegistry(db_).revoked_certificate_serials();
  if (!serials) return storage_error(serials.error());
  return std::move(*serials);
}

}  // namespace einlass
