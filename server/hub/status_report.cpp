#include "hub/status_report.h"

#include "eventlog/merge.h"
#include "hub/health_json.h"
#include "storage/admission_log.h"
#include "storage/attendee_repository.h"
#include "storage/event_repository.h"
#include "storage/revocation_repository.h"
#include "storage/sync_log_repository.h"

namespace einlass {

namespace {

HubResult<AttendeeCounts> count_attendees(Database& db, const Clock& clock) {
  auto all = AttendeeRepository(db, clock).all();
  if (!all) return storage_error(all.error());
  AttendeeCounts counts;
  for (const auto& registration : *all) {
    switch (registration.record.status) {
      case AttendeeStatus::active:
        ++counts.active;
        break;
      case AttendeeStatus::canceled:
        ++counts.canceled;
        break;
      case AttendeeStatus::blocked:
        ++counts.blocked;
        break;
    }
  }
  return counts;
}

HubResult<std::vector<DayStatus>> count_days(Database& db, const Clock& clock,
                                             const EventConfig& event) {
  auto events = AdmissionLog(db, clock).all();
  if (!events) return storage_error(events.error());
  auto revocations = RevocationRepository(db).all();
  if (!revocations) return storage_error(revocations.error());
  const auto merged = merge_events(*events, *revocations, event.reentry);
  std::vector<DayStatus> days;
  const std::chrono::sys_days first{event.first_day};
  for (int day = 1; day <= event.day_count; ++day)
    days.push_back({day, std::chrono::year_month_day{first + std::chrono::days{day - 1}}});
  for (const auto& state : merged.states) {
    if (state.event_day < 1 || state.event_day > event.day_count) continue;
    DayStatus& d = days[static_cast<std::size_t>(state.event_day - 1)];
    if (state.admitted) ++d.admitted_tickets;
    if (state.on_site) ++d.on_site;
    d.entries += static_cast<std::size_t>(state.entries);
    d.exits += static_cast<std::size_t>(state.exits);
  }
  return days;
}

}  // namespace

HubResult<StatusReport> load_status(Database& db, const Clock& clock) {
  // One read transaction: the counts, kiosks and alerts describe the same moment.
  auto read = ConsistentRead::begin(db);
  if (!read) return storage_error(read.error());
  StatusReport report;
  report.generated_at = clock.now();
  auto event = EventRepository(db).load();
  if (!event) return storage_error(event.error());
  if (!*event) return hub_error(HubError::Kind::invalid, db.path().string() + " holds no event");
  report.event = std::move(**event);

  auto attendees = count_attendees(db, clock);
  if (!attendees) return std::unexpected(attendees.error());
  report.attendees = *attendees;
  auto days = count_days(db, clock, report.event);
  if (!days) return std::unexpected(days.error());
  report.days = std::move(*days);

  auto kiosks = KioskRegistry(db).all();
  if (!kiosks) return storage_error(kiosks.error());
  for (auto& row : *kiosks) {
    auto health = health_from_json(row.health_json);
    report.kiosks.push_back({std::move(row), std::move(health)});
  }
  auto alerts = AlertRepository(db).open();
  if (!alerts) return storage_error(alerts.error());
  report.open_alerts = std::move(*alerts);
  return report;
}

}  // namespace einlass
