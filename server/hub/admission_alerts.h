#pragma once
// The alerts a ticket's merged history calls for, and the words staff read in them. Details name
// kiosks, sequence numbers and times, never an attendee.
#include <string>
#include <vector>

#include "eventlog/merge.h"
#include "storage/alert_repository.h"

namespace einlass {

// "K1#7"
std::string describe_key(const EventKey& key);
// "ticket T000012, entry on day 1 at 2026-03-28T08:00:00.000Z, hlc 1774684800000.0"
std::string describe_event(const AdmissionEvent& event);

// A duplicate alert for each event with duplicate_of, an admitted_after_revocation alert for each
// event scanned at or after the revocation.
std::vector<NewAlert> alerts_for(const MergeResult& merged, const Revocation* revocation);

// The key_conflict alert for a kiosk that sent `other` under a key already stored as `kept`.
NewAlert key_conflict_alert(const AdmissionEvent& kept, const AdmissionEvent& other);

// One log line: "duplicate K2#3 (T000012): repeats K1#7 on day 1"
std::string alert_line(const NewAlert& alert);

}  // namespace einlass
