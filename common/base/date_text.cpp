#include "base/date_text.h"

#include <cstdio>

#include "base/text.h"

namespace einlass {

std::string format_iso_date(std::chrono::year_month_day date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

std::expected<std::chrono::year_month_day, std::string> parse_iso_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  const bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                     read_fixed_digits(text, 0, 4, y) && read_fixed_digits(text, 5, 2, m) &&
                     read_fixed_digits(text, 8, 2, d);
  const std::chrono::year_month_day date{std::chrono::year{y},
                                         std::chrono::month{static_cast<unsigned>(m)},
                                         std::chrono::day{static_cast<unsigned>(d)}};
  if (!shape || !date.ok()) {
    return std::unexpected("'" + std::string{text} + "' is not a date of the form YYYY-MM-DD");
  }
  return date;
}

}  // namespace einlass
