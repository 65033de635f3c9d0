#pragma once
// Calendar dates as ISO 8601 text ("2026-03-28"): in storage, messages and on the command line.
#include <chrono>
#include <expected>
#include <string>
#include <string_view>

namespace einlass {

std::string format_iso_date(std::chrono::year_month_day date);

// Refuses other shapes and impossible dates like 2026-02-30, naming the text.
std::expected<std::chrono::year_month_day, std::string> parse_iso_date(std::string_view text);

}  // namespace einlass
