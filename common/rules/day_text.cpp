#include "rules/day_text.h"

#include "base/date_text.h"
#include "event/event_config.h"

namespace einlass::rules_text {

std::string day_numbers(DayMask days, const EventCalendar& calendar) {
  std::string out;
  for (int day = 1; day <= calendar.day_count(); ++day) {
    if (!has_day(days, day)) continue;
    if (!out.empty()) out += ", ";
    out += std::to_string(day);
  }
  return out.empty() ? "none" : out;
}

std::string local_stamp(Timestamp t, const EventCalendar& calendar) {
  return format_iso_date(calendar.local_date(t)) + " " + calendar.local_time_text(t);
}

}  // namespace einlass::rules_text
