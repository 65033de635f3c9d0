#include "event/event_calendar.h"

#include <date/tz.h>

#include <cassert>
#include <cstdio>
#include <exception>

namespace einlass {

namespace {

using std::chrono::sys_days;

// date:: and std::chrono:: use different clock tags for local time; we only move day and
// millisecond counts between them.
date::local_time<std::chrono::milliseconds> to_local(const date::time_zone& zone, Timestamp t) {
  return zone.to_local(t);
}

}  // namespace

std::expected<EventCalendar, std::string> EventCalendar::create(const EventConfig& event) {
  if (event.day_count < 1 || event.day_count > kMaxEventDays) {
    return std::unexpected("an event has 1 to " + std::to_string(kMaxEventDays) + " days, not " +
                           std::to_string(event.day_count));
  }
  if (!event.first_day.ok()) {
    return std::unexpected(std::string{"the event's first day is not a valid date"});
  }
  const date::time_zone* zone = nullptr;
  try {
    zone = date::locate_zone(event.time_zone);
  } catch (const std::exception&) {
    // The OS database (tzdata) is the only source; an unknown name is a configuration error.
    return std::unexpected(
        "unknown time zone \"" + event.time_zone +
        "\" (expected an IANA name such as Europe/Berlin; is tzdata installed?)");
  }
  return EventCalendar{zone, event.time_zone, sys_days{event.first_day}, event.day_count};
}

std::chrono::year_month_day EventCalendar::local_date(Timestamp t) const {
  const auto local = to_local(*zone_, t);
  const auto day = date::floor<date::days>(local);
  return std::chrono::year_month_day{sys_days{std::chrono::days{day.time_since_epoch().count()}}};
}

std::optional<int> EventCalendar::event_day(Timestamp t) const {
  const auto offset = (sys_days{local_date(t)} - first_).count();
  if (offset < 0 || offset >= day_count_) return std::nullopt;
  return static_cast<int>(offset) + 1;
}

std::chrono::year_month_day EventCalendar::date_of_day(int day) const {
  assert(day >= 1 && day <= day_count_);
  return std::chrono::year_month_day{first_ + std::chrono::days{day - 1}};
}

Timestamp EventCalendar::start_of_day(int day) const {
  assert(day >= 1 && day <= day_count_);
  return at_local_time(std::chrono::year_month_day{first_ + std::chrono::days{day - 1}},
                       std::chrono::seconds{0});
}

Timestamp EventCalendar::end_of_day(int day) const {
  assert(day >= 1 && day <= day_count_);
  return at_local_time(std::chrono::year_month_day{first_ + std::chrono::days{day}},
                       std::chrono::seconds{0});
}

Timestamp EventCalendar::at_local_time(std::chrono::year_month_day date,
                                       std::chrono::seconds time_of_day) const {
  const date::local_seconds local{date::days{sys_days{date}.time_since_epoch().count()} +
                                  time_of_day};
  // date/tz answers a nonexistent local time with the transition itself, whatever the choice;
  // for an ambiguous one, earliest picks the first occurrence (a zone that repeats midnight
  // starts its day at the first one).
  const auto sys = zone_->to_sys(local, date::choose::earliest);
  return std::chrono::time_point_cast<std::chrono::milliseconds>(sys);
}

std::string EventCalendar::local_time_text(Timestamp t) const {
  const auto local = to_local(*zone_, t);
  const auto since_midnight = local - date::floor<date::days>(local);
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count();
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minutes / 60),
                static_cast<int>(minutes % 60));
  return buf;
}

}  // namespace einlass
