#pragma once
// Parses times given on the command line: "2026-03-28T09:15" (event-local), or with an explicit
// "Z" / "+01:00" offset.
#include <expected>
#include <string>
#include <string_view>

#include "base/time.h"

namespace einlass {

std::expected<Timestamp, std::string> parse_time_argument(std::string_view text,
                                                          std::string_view time_zone);

// "2026-03-28" -> a calendar date, refusing impossible dates like 2026-02-30.
std::expected<std::chrono::year_month_day, std::string> parse_iso_date(std::string_view text);

}  // namespace einlass
