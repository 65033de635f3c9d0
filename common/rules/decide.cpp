#include "rules/decide.h"

#include <cassert>
#include <utility>
#include <vector>

#include "base/date_text.h"
#include "eventlog/merge.h"
#include "rules/day_text.h"
#include "rules/holder_fields.h"

namespace einlass {

namespace {

using rules_text::day_numbers;
using rules_text::local_stamp;

Decision start_decision(const Ticket& ticket, const ReplicaFacts& facts, Timestamp scan_time) {
  Decision d;
  d.ticket_id = ticket.ticket_id;
  d.scan_time = scan_time;
  d.valid_from = ticket.valid_from;
  d.valid_until = ticket.valid_until;
  rules_detail::fill_holder_fields(d, facts, &ticket);
  return d;
}

Decision refuse(Decision d, Reason reason, std::string detail) {
  d.admitted = false;
  d.reason = reason;
  d.staff_detail = std::move(detail);
  return d;
}

std::string category_list(const Entrance& entrance) {
  std::string out;
  for (const CategoryCode c : entrance.admitted_categories) {
    if (!out.empty()) out += ", ";
    out += std::to_string(c);
  }
  return out;
}

std::string outside_event(Timestamp scan_time, const EventCalendar& calendar) {
  return "scanned " + local_stamp(scan_time, calendar) + " local, outside the event (" +
         format_iso_date(calendar.date_of_day(1)) + " to " +
         format_iso_date(calendar.date_of_day(calendar.day_count())) + ", " +
         calendar.time_zone_name() + ")";
}

std::string where_and_when(const AdmissionEvent& e, const EventCalendar& calendar) {
  std::string out = "on day " + std::to_string(e.event_day) + " at " +
                    calendar.local_time_text(e.scan_time) + " at " + e.key.kiosk_id + " (seq " +
                    std::to_string(e.key.seq);
  if (e.kind == AdmissionKind::manual_entry) out += ", manual entry";
  return out + ")";
}

}  // namespace

Decision decide(const Ticket& ticket, const ReplicaFacts& facts,
                std::span<const AdmissionEvent> history, Timestamp scan_time,
                const Entrance& entrance, const EventCalendar& calendar, ReentryPolicy policy) {
  Decision d = start_decision(ticket, facts, scan_time);
  const std::string id = format_ticket_id(ticket.ticket_id);
  const std::optional<int> day = calendar.event_day(scan_time);
  d.event_day = day.value_or(0);
  d.kind = entrance.mode == EntranceMode::exit ? AdmissionKind::exit : AdmissionKind::entry;
  const AttendeeStatus status = facts.attendee ? facts.attendee->status : AttendeeStatus::active;

  if (facts.revoked) return refuse(std::move(d), Reason::revoked, id + " is revoked");
  if (status == AttendeeStatus::canceled) {
    return refuse(std::move(d), Reason::canceled, id + ": the registration is canceled");
  }
  if (status == AttendeeStatus::blocked) {
    return refuse(std::move(d), Reason::blocked, id + ": the attendee is blocked from entry");
  }

  if (entrance.mode == EntranceMode::exit) {
    // Exits only record that someone left; category, day window and history do not matter.
    if (!day) return refuse(std::move(d), Reason::wrong_day, outside_event(scan_time, calendar));
    d.admitted = true;
    d.staff_detail = id + " exits on day " + std::to_string(*day) + " at " +
                     calendar.local_time_text(scan_time) + " at " + entrance.kiosk_id;
    return d;
  }

  if (!admits_category(entrance, d.category)) {
    return refuse(std::move(d), Reason::category,
                  id + " has category " + std::to_string(d.category) + "; entrance " +
                      entrance.kiosk_id + " admits categories " + category_list(entrance));
  }
  if (!day) return refuse(std::move(d), Reason::wrong_day, outside_event(scan_time, calendar));
  if (!has_day(d.days, *day)) {
    return refuse(std::move(d), Reason::wrong_day,
                  id + " is valid on day(s) " + day_numbers(d.days, calendar) + ", not on day " +
                      std::to_string(*day) + " (" + format_iso_date(calendar.date_of_day(*day)) +
                      ")");
  }
  if (d.valid_from && scan_time < *d.valid_from) {
    return refuse(std::move(d), Reason::not_yet,
                  id + " is valid from " + local_stamp(*d.valid_from, calendar) +
                      " local; scanned " + local_stamp(scan_time, calendar));
  }
  if (d.valid_until && scan_time > *d.valid_until) {
    return refuse(std::move(d), Reason::expired,
                  id + " was valid until " + local_stamp(*d.valid_until, calendar) +
                      " local; scanned " + local_stamp(scan_time, calendar));
  }

  // The same fold the server's merge uses, so kiosk and server agree on what counts as used.
  std::vector<AdmissionEvent> today;
  for (const auto& e : history) {
    if (e.ticket_id == ticket.ticket_id && e.event_day == *day) today.push_back(e);
  }
  const MergeResult merged = merge_events(today, {}, policy);
  const TicketDayState* state = find_state(merged, ticket.ticket_id, *day);
  const bool readmission = state != nullptr && state->admitted;
  if (readmission && (policy == ReentryPolicy::deny || state->on_site)) {
    const MergedEvent* prior = find_event(merged, *state->current_admission);
    assert(prior != nullptr);
    d.prior = prior->event;
    std::string detail = id + " was already admitted " + where_and_when(prior->event, calendar);
    if (!state->on_site) detail += "; it left since, and this event allows no re-entry";
    return refuse(std::move(d), Reason::already_admitted, std::move(detail));
  }

  d.admitted = true;
  d.staff_detail = id + (readmission ? " re-admitted after an exit" : " admitted") + " on day " +
                   std::to_string(*day) + " at " + calendar.local_time_text(scan_time) + " at " +
                   entrance.kiosk_id;
  if (!facts.attendee) d.staff_detail += "; not in the replica, badge fields from the ticket";
  return d;
}

Decision refuse_unverified(const TicketError& error) {
  Decision d;
  d.admitted = false;
  d.reason = error.problem == TicketProblem::unknown_key ? Reason::unknown_key : Reason::invalid;
  d.staff_detail = std::string{to_string(error.problem)} + ": " + error.detail;
  return d;
}

AdmissionEvent admission_event(const Decision& admitted, EventKey key, Hlc hlc) {
  assert(admitted.admitted && "only an admitting decision becomes an admission event");
  assert(admitted.event_day >= 1);
  AdmissionEvent e;
  e.key = std::move(key);
  e.ticket_id = admitted.ticket_id;
  e.kind = admitted.kind;
  e.scan_time = admitted.scan_time;
  e.hlc = hlc;
  e.event_day = admitted.event_day;
  e.staff = admitted.staff;
  e.reason = admitted.manual_reason;
  return e;
}

}  // namespace einlass
