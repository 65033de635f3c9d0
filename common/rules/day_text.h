#pragma once
// Dates and day lists as the rules' texts show them. Internal to einlass_rules.
#include <chrono>
#include <string>

#include "event/event_calendar.h"
#include "ticket/ticket.h"

namespace einlass::rules_text {

// "1, 2" (the event days set in `days`, within the event) or "none"
std::string day_numbers(DayMask days, const EventCalendar& calendar);
// "2026-03-28 12:00" in the event's zone
std::string local_stamp(Timestamp t, const EventCalendar& calendar);

}  // namespace einlass::rules_text
