#pragma once
// The admission decision: pure, no I/O, no wall clock. Given a verified ticket, what the replica
// knows of its holder, the admissions the kiosk knows for it, the scan time and the entrance, it
// admits or refuses with a Reason, and says what the UI needs to explain either.
#include <optional>
#include <span>
#include <string>

#include "base/time.h"
#include "event/attendee.h"
#include "event/event_calendar.h"
#include "event/event_config.h"
#include "eventlog/admission_event.h"
#include "rules/entrance.h"
#include "rules/reason.h"
#include "ticket/ticket.h"
#include "ticket/ticket_error.h"

namespace einlass {

// What the kiosk's replica says about one ticket.
struct ReplicaFacts {
  // The synced record; fresher than the ticket, so its category, days and badge fields win.
  // Absent for an attendee registered after the last sync (scenario 14).
  std::optional<AttendeeRecord> attendee;
  bool revoked = false;
};

struct Decision {
  bool admitted = false;
  std::optional<Reason> reason;  // set exactly when refused
  AdmissionKind kind = AdmissionKind::entry;
  TicketId ticket_id = 0;
  Timestamp scan_time{};
  int event_day = 0;  // 1-based; 0 outside the event or when unknown
  // What the badge and the greeting use: the replica's record, else the ticket's own fields.
  std::string display_name;
  std::string organisation;
  CategoryCode category = 0;
  DayMask days = 0;
  std::optional<Timestamp> valid_from;
  std::optional<Timestamp> valid_until;
  std::optional<AdmissionEvent> prior;  // already_admitted: the admission this scan repeats
  std::string staff;                    // manual entries: who admitted
  std::string manual_reason;            // manual entries: why
  // Precise, English, for staff and logs: ids, days, times, keys; never a name or free text.
  std::string staff_detail;

  bool operator==(const Decision&) const = default;
};

// Checks in pretix's order: revoked, canceled, blocked, category, day, time window, history.
// At an exit, a ticket that is not revoked, canceled or blocked always yields an exit (kind
// exit) during the event: nobody is kept inside, and an exit never uses up a ticket.
// `history` is what this kiosk knows of the ticket's admissions (other tickets are ignored).
Decision decide(const Ticket& ticket, const ReplicaFacts& facts,
                std::span<const AdmissionEvent> history, Timestamp scan_time,
                const Entrance& entrance, const EventCalendar& calendar, ReentryPolicy policy);

// A scan that did not verify: `unknown_key` for a key this kiosk does not hold, `invalid`
// for everything else.
Decision refuse_unverified(const TicketError& error);

// The event to commit for an admitting decision; key and stamp come from the kiosk.
AdmissionEvent admission_event(const Decision& admitted, EventKey key, Hlc hlc);

}  // namespace einlass
