#pragma once
// Staff admit someone by hand (scenario 15): recorded as a manual entry with who, when and why.
// Staff may overrule any refusal, so nothing about the ticket is checked here; the merge flags a
// manual entry that duplicates an admission or follows a revocation like any other.
#include <expected>
#include <string_view>

#include "rules/decide.h"
#include "rules/rules_error.h"

namespace einlass {

// `scanned` is the ticket when staff admit after a scan; its badge fields are used when the
// replica has no record. Refuses an empty staff name or reason and a time outside the event.
std::expected<Decision, RulesError> manual_admission(TicketId ticket_id, std::string_view staff,
                                                     std::string_view why, Timestamp at,
                                                     const ReplicaFacts& facts,
                                                     const EventCalendar& calendar,
                                                     const Ticket* scanned = nullptr);

}  // namespace einlass
