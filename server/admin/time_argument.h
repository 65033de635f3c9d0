#pragma once
// Parses times given on the command line: "2026-03-28T09:15" (local to the event), or with an
// explicit "Z" / "+01:00" offset.
#include <expected>
#include <string>
#include <string_view>

#include "base/time.h"
#include "event/event_calendar.h"

namespace einlass {

std::expected<Timestamp, std::string> parse_time_argument(std::string_view text,
                                                          const EventCalendar& calendar);

}  // namespace einlass
