#include "admin/ticket_sheet_text.h"

#include <cstdio>

#include "ticket/ticket.h"

namespace einlass {

namespace {

std::chrono::sys_days day_date(const EventConfig& event, int day) {
  return std::chrono::sys_days{event.first_day} + std::chrono::days{day - 1};
}

std::string dd_mm(std::chrono::year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u.%02u.", unsigned(d.day()), unsigned(d.month()));
  return buf;
}

std::string dd_mm_yyyy(std::chrono::year_month_day d) {
  return dd_mm(d) + std::to_string(int(d.year()));
}

std::string weekday_de(std::chrono::sys_days d) {
  static constexpr const char* kNames[] = {"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"};
  return kNames[std::chrono::weekday{d}.c_encoding()];
}

}  // namespace

std::string format_event_dates(const EventConfig& event) {
  const std::chrono::year_month_day first{day_date(event, 1)};
  if (event.day_count <= 1) return dd_mm_yyyy(first);
  const std::chrono::year_month_day last{day_date(event, event.day_count)};
  if (first.year() == last.year() && first.month() == last.month()) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02u.–", unsigned(first.day()));
    return buf + dd_mm_yyyy(last);
  }
  return dd_mm_yyyy(first) + " – " + dd_mm_yyyy(last);
}

std::string format_valid_days(const EventConfig& event, DayMask days) {
  if ((days & all_days(event.day_count)) == all_days(event.day_count) && event.day_count > 1) {
    return "Gültig an allen Tagen · valid on all days";
  }
  std::string text = "Gültig · valid: ";
  bool first = true;
  for (int day = 1; day <= event.day_count; ++day) {
    if (!has_day(days, day)) continue;
    if (!first) text += ", ";
    first = false;
    const auto date = day_date(event, day);
    text += weekday_de(date) + " " + dd_mm_yyyy(std::chrono::year_month_day{date});
  }
  return text;
}

TicketSheet make_ticket_sheet(const EventConfig& event, const Registration& registration,
                              std::string code) {
  const auto& record = registration.record;
  const Category* category = find_category(event, record.category);
  TicketSheet sheet;
  sheet.event_name = event.name;
  sheet.event_dates = format_event_dates(event);
  sheet.attendee_name = record.display_name;
  sheet.organisation = record.organisation;
  sheet.category_label = category ? category->label_de : std::string{};
  sheet.category_colour = category ? category->colour : std::string{"#2C3E50"};
  sheet.days_text = format_valid_days(event, record.days);
  sheet.ticket_id_text = format_ticket_id(record.ticket_id);
  sheet.code = std::move(code);
  return sheet;
}

}  // namespace einlass
