#include "rules/manual_admission.h"

#include "base/text.h"
#include "rules/day_text.h"
#include "rules/holder_fields.h"

namespace einlass {

std::expected<Decision, RulesError> manual_admission(TicketId ticket_id, std::string_view staff,
                                                     std::string_view why, Timestamp at,
                                                     const ReplicaFacts& facts,
                                                     const EventCalendar& calendar,
                                                     const Ticket* scanned) {
  const std::string_view who = trim(staff);
  const std::string_view reason = trim(why);
  // The audit trail is the point of a manual admission: without who and why it is not recorded.
  if (who.empty()) {
    return std::unexpected(RulesError{RulesProblem::missing_staff,
                                      "a manual admission needs the name of the staff member"});
  }
  if (reason.empty()) {
    return std::unexpected(
        RulesError{RulesProblem::missing_reason, "a manual admission needs a reason"});
  }
  if (!is_valid_utf8(who) || !is_valid_utf8(reason)) {
    return std::unexpected(
        RulesError{RulesProblem::invalid_text, "staff name and reason must be UTF-8 text"});
  }
  const std::optional<int> day = calendar.event_day(at);
  if (!day) {
    return std::unexpected(
        RulesError{RulesProblem::outside_event,
                   rules_text::local_stamp(at, calendar) + " local is outside the event"});
  }

  Decision d;
  d.admitted = true;
  d.kind = AdmissionKind::manual_entry;
  d.ticket_id = ticket_id;
  d.scan_time = at;
  d.event_day = *day;
  rules_detail::fill_holder_fields(d, facts, scanned);
  d.staff = std::string{who};
  d.manual_reason = std::string{reason};
  // Who and why are in their own fields; the detail stays free of free text (it goes to logs).
  d.staff_detail = format_ticket_id(ticket_id) + " admitted by hand on day " +
                   std::to_string(*day) + " at " + calendar.local_time_text(at);
  if (facts.revoked) d.staff_detail += "; overrides: revoked";
  if (facts.attendee && facts.attendee->status != AttendeeStatus::active) {
    d.staff_detail += "; overrides: " + std::string{to_string(facts.attendee->status)};
  }
  return d;
}

}  // namespace einlass
