// POST /attendees/{ticket}/admit: staff admit by hand. The admission is an event of the kiosk id
// "desk", stored the way kiosks' pushes are (so duplicates raise alerts and kiosks learn it
// through the sync log), in one transaction with its audit entry.
#include "rules/manual_admission.h"
#include "desk/admission_rows.h"
#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/desk_sql.h"
#include "desk/event_view.h"
#include "desk/staff_action.h"
#include "eventlog/merge.h"
#include "hub/push_ingest.h"
#include "storage/admission_log.h"
#include "storage/attendee_repository.h"
#include "storage/audit_repository.h"
#include "storage/sync_log_repository.h"
#include "storage/transaction.h"

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

// The desk's next key and a clock stamp after every desk event of the same millisecond.
AdmissionEvent desk_event(Database& db, const Clock& clock, const Decision& decision) {
  const std::string kiosk(kDeskKioskId);
  const auto seq = need(AdmissionLog(db, clock).highest_seq_of_kiosk(kiosk)) + 1;
  const std::int64_t wall = to_unix_ms(decision.scan_time);
  SqlQuery q(db,
             "SELECT max(hlc_logical) + 1 FROM admission_events "
             "WHERE hlc_wall = :wall AND kiosk_id = :kiosk");
  q.bind(":wall", wall).bind(":kiosk", kiosk);
  const auto logical = static_cast<std::uint32_t>(q.single_integer());
  return admission_event(decision, EventKey{kiosk, seq}, Hlc{wall, logical});
}

}  // namespace

DeskResult<nlohmann::json> DeskService::admit(TicketId ticket, std::string_view reason,
                                              std::string_view login) {
  return guarded("admitting by hand", [&] {
    const std::string why = required_reason(reason);
    const StaffAction staff = staff_action(login, clock_);
    // The write lock first: the checks below and the sequence number hold until the commit.
    auto tx = need(Transaction::begin(db_));
    const EventView view = load_event_view(db_);
    const auto record = need(AttendeeRepository(db_, clock_).find_record(ticket));
    const std::string code = format_ticket_id(ticket);
    if (!record) fail(DeskError::Kind::not_found, "not_found", "no attendee " + code);
    if (need(SyncLogRepository(db_).find_revocation(ticket)))
      refuse("revoked", code + " is revoked");
    if (record->status != AttendeeStatus::active)
      refuse("not_active", code + " is " + std::string(to_string(record->status)));

    const ReplicaFacts facts{*record, false};
    auto decision = manual_admission(ticket, staff.login, why, staff.at, facts, view.calendar);
    if (!decision) {
      if (decision.error().problem == RulesProblem::outside_event)
        refuse("not_event_day", "today is not a day of the event");
      fail(DeskError::Kind::invalid, "bad_request", decision.error().detail);
    }
    refuse_if_admitted(db_, clock_, view, ticket, decision->event_day);

    const AdmissionEvent event = desk_event(db_, clock_, *decision);
    auto pushed = ingest_push(db_, clock_, view.event.reentry, kDeskKioskId, Push{{event}});
    if (!pushed) fail(DeskError::Kind::storage, "storage", pushed.error().message);
    need(AuditRepository(db_).append({0, staff.at, staff.who, "manual_admission", code, why}));
    need(tx.commit());

    AdmissionRowQuery stored;
    stored.key = {event.key.kiosk_id, static_cast<std::int64_t>(event.key.seq)};
    auto rows = load_admissions(db_, view, stored);
    if (rows.empty()) fail(DeskError::Kind::storage, "storage", "the admission was not stored");
    return nlohmann::json{{"admission", std::move(rows.front().json)}};
  });
}

}  // namespace einlass
