#include "core/badge_content.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace einlass {

namespace {

constexpr std::array<const char*, 7> kWeekdaysDe{"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"};

}  // namespace

std::string badge_code(const EventKey& admission, int reprint, int attempt) {
  return "EINLASS-BADGE:" + admission.kiosk_id + "-" + std::to_string(admission.seq) + "-R" +
         std::to_string(reprint) + "-A" + std::to_string(attempt);
}

std::string badge_days_text(DayMask days, const EventCalendar& calendar) {
  std::string text;
  for (int day = 1; day <= calendar.day_count(); ++day) {
    if (!has_day(days, day)) continue;
    const auto date = calendar.date_of_day(day);
    const auto weekday = std::chrono::weekday(std::chrono::sys_days(date)).c_encoding();
    if (!text.empty()) text += " · ";
    char day_text[16];
    std::snprintf(day_text, sizeof day_text, "%s %02u.%02u.", kWeekdaysDe[weekday],
                  unsigned(date.day()), unsigned(date.month()));
    text += day_text;
  }
  return text;
}

Badge make_badge(const PrintJob& job, const AttendeeRecord& holder, const EventConfig& event,
                 const EventCalendar& calendar) {
  Badge badge;
  badge.event_name = event.name;
  badge.name = holder.display_name;
  badge.organisation = holder.organisation;
  if (const Category* category = find_category(event, holder.category)) {
    badge.category_label = category->label_de;
    badge.category_colour = category->colour;
  } else {
    badge.category_label = "Gast";
    badge.category_colour = "#7F8C8D";
  }
  badge.days_text = badge_days_text(holder.days, calendar);
  const int attempt = std::max(job.attempts, 1);
  badge.reprint = job.reprint + attempt - 1;
  badge.code = badge_code(job.admission, job.reprint, attempt);
  return badge;
}

}  // namespace einlass
