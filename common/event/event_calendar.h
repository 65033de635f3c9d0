#pragma once
// The event's days as local dates in its time zone. "Today" at a kiosk is the local date where the
// event happens, not the UTC date: a scan at 00:30 in Berlin belongs to the new day although UTC
// still shows the old one, and a day with a daylight-saving change has 23 or 25 hours.
#include <chrono>
#include <expected>
#include <optional>
#include <string>
#include <utility>

#include "base/time.h"
#include "event/event_config.h"

namespace date {
class time_zone;  // Howard Hinnant's date/tz; kept out of this header on purpose
}

namespace einlass {

class EventCalendar {
 public:
  // Refuses an unknown time zone name, an invalid first day or a day count outside 1..32.
  static std::expected<EventCalendar, std::string> create(const EventConfig& event);

  int day_count() const { return day_count_; }
  const std::string& time_zone_name() const { return zone_name_; }

  // The calendar date at the event's location at instant t.
  std::chrono::year_month_day local_date(Timestamp t) const;
  // 1-based day of the event at instant t; nullopt before the first or after the last day.
  std::optional<int> event_day(Timestamp t) const;
  // The local date of event day `day` (1..day_count).
  std::chrono::year_month_day date_of_day(int day) const;
  // First instant of event day `day` and the first instant after it (local midnights).
  Timestamp start_of_day(int day) const;
  Timestamp end_of_day(int day) const;
  // The instant of wall time `time_of_day` on local date `date` in the event's zone. A time
  // skipped by a daylight-saving change is the instant of the change; a time that occurs twice
  // is its first occurrence.
  Timestamp at_local_time(std::chrono::year_month_day date, std::chrono::seconds time_of_day) const;

  // Local wall time at instant t, "09:12".
  std::string local_time_text(Timestamp t) const;

 private:
  EventCalendar(const date::time_zone* zone, std::string zone_name, std::chrono::sys_days first,
                int day_count)
      : zone_(zone), zone_name_(std::move(zone_name)), first_(first), day_count_(day_count) {}

  const date::time_zone* zone_;  // owned by the date library's tz database, lives forever
  std::string zone_name_;
  std::chrono::sys_days first_;  // the first day's date (as a day count, not an instant)
  int day_count_;
};

}  // namespace einlass
