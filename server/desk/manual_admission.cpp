// POST /attendees/{ticket}/admit: staff admit by hand. The admission is an event of the kiosk id
// "desk", stored the way kiosks' pushes are (so duplicates raise alerts and kiosks learn it
// through the sync log), in one transaction with its audit entry.
#include "rules/manual_admission.h"

#include <algorithm>

#include "admin/audited_change.h"
#include "desk/admission_rows.h"
#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/event_view.h"
#include "desk/known_attendee.h"
#include "desk/staff_action.h"
#include "eventlog/hlc.h"
#include "eventlog/merge.h"
#include "hub/admission_alerts.h"
#include "hub/push_ingest.h"
#include "storage/admission_log.h"
#include "storage/attendee_repository.h"
#include "storage/sync_log_repository.h"

namespace einlass {

namespace {

using namespace desk_detail;

[[noreturn]] void refuse(std::string code, std::string message) {
  fail(DeskError::Kind::conflict, std::move(code), std::move(message));
}

// The admission the ticket already holds today, if the event's re-entry policy keeps it from
// entering again (deny: any entry that day; allow_after_exit: only while on site). The same
// rule the merge uses to flag a duplicate.
void refuse_if_admitted(Database& db, const Clock& clock, const EventView& view, TicketId ticket,
                        int day) {
  const auto events = need(AdmissionLog(db, clock).events_for_ticket(ticket));
  const auto merged = merge_events(events, {}, view.event.reentry);
  const TicketDayState* state = find_state(merged, ticket, day);
  if (state == nullptr || !state->admitted) return;
  if (view.event.reentry == ReentryPolicy::allow_after_exit && !state->on_site) return;
  const MergedEvent* held = find_event(merged, *state->current_admission);
  std::string message = format_ticket_id(ticket) + " was admitted today";
  if (held != nullptr)
    message += " at " + view.time_text.clock(held->event.scan_time) + " at " +
               (held->event.key.kiosk_id == kDeskKioskId ? std::string("the desk")
                                                         : "kiosk " + held->event.key.kiosk_id);
  refuse("already_admitted", message);
}

// The desk's next key, stamped by a hybrid clock resumed from the desk's last event: after every
// earlier desk stamp even when the server's clock stepped back, and never behind the scan time.
AdmissionEvent desk_event(Database& db, const Clock& clock, const Decision& decision) {
  const std::string kiosk(kDeskKioskId);
  const std::uint64_t last_seq = need(AdmissionLog(db, clock).highest_seq_of_kiosk(kiosk));
  HlcClock stamps;
  if (last_seq > 0) {
    if (const auto last = need(SyncLogRepository(db).find_admission({kiosk, last_seq})))
      stamps = HlcClock(last->hlc);
  }
  return admission_event(decision, EventKey{kiosk, last_seq + 1}, stamps.now(decision.scan_time));
}

// Whether the push flagged the event itself as a duplicate (it is never one under "deny", after
// the check above; under allow_after_exit it can be, behind a kiosk whose clock runs ahead).
bool flagged_duplicate(const PushOutcome& pushed, const EventKey& key) {
  return std::ranges::any_of(pushed.alerts, [&](const NewAlert& alert) {
    return alert.kind == AlertKind::duplicate && alert.kiosk_id == key.kiosk_id &&
           alert.seq == key.seq;
  });
}

}  // namespace

DeskResult<nlohmann::json> DeskService::admit(TicketId ticket, std::string_view reason,
                                              std::string_view login) {
  return guarded("admitting by hand", [&] {
    const std::string why = required_reason(reason);
    const StaffAction staff = staff_action(login, clock_);
    // The write lock first: the checks below and the sequence number hold until the commit.
    auto change = need(AuditedChange::begin(db_));
    const EventView view = load_event_view(db_);
    const AttendeeRecord record =
        known_attendee(AttendeeRepository(db_, clock_).find_record(ticket), ticket);
    const std::string code = format_ticket_id(ticket);
    if (need(SyncLogRepository(db_).find_revocation(ticket)))
      refuse("revoked", code + " is revoked");
    require_active(record);

    const ReplicaFacts facts{record, false};
    auto decision =
        manual_admission(ticket, staff.login, why, staff.actor.at, facts, view.calendar);
    if (!decision) {
      if (decision.error().problem == RulesProblem::outside_event)
        refuse("not_event_day", "today is not a day of the event");
      fail(DeskError::Kind::invalid, "bad_request", decision.error().detail);
    }
    refuse_if_admitted(db_, clock_, view, ticket, decision->event_day);

    const AdmissionEvent event = desk_event(db_, clock_, *decision);
    const PushOutcome pushed =
        need(ingest_push(db_, clock_, view.event.reentry, kDeskKioskId, Push{{event}}));
    need(change.finish(staff.actor, "manual_admission", code, why));
    return nlohmann::json{
        {"admission", admission_json(view, event, record, flagged_duplicate(pushed, event.key))}};
  });
}

}  // namespace einlass
