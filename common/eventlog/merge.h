#pragma once
// Merging the admission events of many kiosks into one history. The result depends only on the
// set of events given, never on their order or on how often one was delivered: the server, every
// kiosk and every replay after a crash compute the same flags and the same state.
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "event/event_config.h"
#include "eventlog/admission_event.h"
#include "eventlog/revocation.h"

namespace einlass {

struct MergedEvent {
  AdmissionEvent event;
  // Set on an entry (or manual entry) for a ticket that already held an admission that day and
  // had not given it back by an exit the policy honours (scenario 4): the admission it repeats.
  std::optional<EventKey> duplicate_of;
  // An entry scanned at or after the ticket's revocation (scenario 10).
  bool admitted_after_revocation = false;
  bool operator==(const MergedEvent&) const = default;
};

// One ticket on one event day, after all of that day's events.
struct TicketDayState {
  TicketId ticket_id = 0;
  int event_day = 0;
  bool admitted = false;  // at least one entry or manual entry
  std::optional<EventKey> first_admission;
  // The admission the holder is inside on (or last was): the first one under
  // ReentryPolicy::deny, the latest re-entry under allow_after_exit. What a repeat duplicates.
  std::optional<EventKey> current_admission;
  bool on_site = false;  // the last entry or exit was an entry
  int entries = 0;       // entries and manual entries, duplicates included
  int exits = 0;
  bool operator==(const TicketDayState&) const = default;
};

// Two events with the same key but different content: a kiosk reused a sequence number (a reset
// replica, a bug). Nothing is dropped silently: every version is reported for staff.
struct KeyConflict {
  EventKey key;
  std::vector<AdmissionEvent> versions;  // all distinct versions; the first is the one kept
  bool operator==(const KeyConflict&) const = default;
};

struct MergeResult {
  std::vector<MergedEvent> events;     // one per key, ordered by (hlc, kiosk id, seq)
  std::vector<TicketDayState> states;  // ordered by (ticket id, event day)
  std::vector<KeyConflict> conflicts;  // ordered by key
  bool operator==(const MergeResult&) const = default;
};

MergeResult merge_events(std::span<const AdmissionEvent> events,
                         std::span<const Revocation> revocations, ReentryPolicy policy);

const TicketDayState* find_state(const MergeResult& merged, TicketId ticket, int event_day);
const MergedEvent* find_event(const MergeResult& merged, const EventKey& key);
// How many holders are inside on `event_day` (the dashboard's on-site count, scenario 16).
std::size_t count_on_site(const MergeResult& merged, int event_day);

}  // namespace einlass
