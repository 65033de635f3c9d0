#include "event/event_calendar.h"

#include <catch2/catch.hpp>

#include "support/time_literals.h"

using namespace einlass;
using namespace std::chrono_literals;
using test::utc;

namespace {

EventConfig two_days(std::chrono::year_month_day first) {
  EventConfig config;
  config.id = 7;
  config.name = "Digitale Verwaltung 2026";
  config.first_day = first;
  config.day_count = 2;
  return config;
}

EventCalendar calendar_for(const EventConfig& config) {
  auto calendar = EventCalendar::create(config);
  REQUIRE(calendar.has_value());
  return *calendar;
}

}  // namespace

TEST_CASE("a calendar refuses an unknown time zone and a day count outside 1..32", "[event]") {
  auto config = two_days(2026y / 3 / 28);
  config.time_zone = "Europe/Berlinn";
  auto unknown = EventCalendar::create(config);
  REQUIRE_FALSE(unknown.has_value());
  CHECK_THAT(unknown.error(), Catch::Contains("Europe/Berlinn"));

  config.time_zone = "Europe/Berlin";
  config.day_count = 0;
  auto none = EventCalendar::create(config);
  REQUIRE_FALSE(none.has_value());
  CHECK_THAT(none.error(), Catch::Contains("1 to 32 days"));

  config.day_count = 33;
  CHECK_FALSE(EventCalendar::create(config).has_value());
  config.day_count = 32;
  CHECK(EventCalendar::create(config).has_value());

  config.first_day = 2026y / 2 / 30;
  CHECK_FALSE(EventCalendar::create(config).has_value());
}

TEST_CASE("event days are numbered from 1 and map back to their local dates", "[event]") {
  const auto calendar = calendar_for(two_days(2026y / 6 / 10));
  CHECK(calendar.day_count() == 2);
  CHECK(calendar.time_zone_name() == "Europe/Berlin");
  CHECK(calendar.date_of_day(1) == 2026y / 6 / 10);
  CHECK(calendar.date_of_day(2) == 2026y / 6 / 11);
  // Summer time: UTC+2.
  CHECK(calendar.start_of_day(1) == utc(2026, 6, 9, 22));
  CHECK(calendar.end_of_day(1) == utc(2026, 6, 10, 22));
  CHECK(calendar.event_day(utc(2026, 6, 10, 7, 12)) == 1);
  CHECK(calendar.local_time_text(utc(2026, 6, 10, 7, 12)) == "09:12");
  CHECK(calendar.event_day(utc(2026, 6, 9, 21, 59, 59)) == std::nullopt);
  CHECK(calendar.event_day(utc(2026, 6, 11, 22)) == std::nullopt);
}

TEST_CASE("the spring DST change (Berlin 2026-03-29 02:00 -> 03:00) keeps local days right",
          "[event][dst]") {
  const auto calendar = calendar_for(two_days(2026y / 3 / 28));

  // Day 1 is a normal winter day (UTC+1); day 2 has 23 hours and ends at midnight summer time.
  CHECK(calendar.start_of_day(1) == utc(2026, 3, 27, 23));
  CHECK(calendar.start_of_day(2) == utc(2026, 3, 28, 23));
  CHECK(calendar.end_of_day(2) == utc(2026, 3, 29, 22));
  CHECK(calendar.end_of_day(2) - calendar.start_of_day(2) == 23h);

  // 23:30 and 00:30 local either side of midnight before the change (UTC+1).
  CHECK(calendar.local_time_text(utc(2026, 3, 28, 22, 30)) == "23:30");
  CHECK(calendar.event_day(utc(2026, 3, 28, 22, 30)) == 1);
  CHECK(calendar.local_time_text(utc(2026, 3, 28, 23, 30)) == "00:30");
  CHECK(calendar.local_date(utc(2026, 3, 28, 23, 30)) == 2026y / 3 / 29);
  CHECK(calendar.event_day(utc(2026, 3, 28, 23, 30)) == 2);

  // The change itself: 01:59 winter time is followed by 03:00 summer time.
  CHECK(calendar.local_time_text(utc(2026, 3, 29, 0, 59)) == "01:59");
  CHECK(calendar.local_time_text(utc(2026, 3, 29, 1, 0)) == "03:00");

  // 23:30 and 00:30 local either side of midnight after the change (UTC+2): 22:30 UTC on the
  // 29th is already the 30th in Berlin, after the event.
  CHECK(calendar.local_time_text(utc(2026, 3, 29, 21, 30)) == "23:30");
  CHECK(calendar.event_day(utc(2026, 3, 29, 21, 30)) == 2);
  CHECK(calendar.local_time_text(utc(2026, 3, 29, 22, 30)) == "00:30");
  CHECK(calendar.local_date(utc(2026, 3, 29, 22, 30)) == 2026y / 3 / 30);
  CHECK(calendar.event_day(utc(2026, 3, 29, 22, 30)) == std::nullopt);
}

TEST_CASE("the autumn DST change (Berlin 2026-10-25 03:00 -> 02:00) keeps local days right",
          "[event][dst]") {
  const auto calendar = calendar_for(two_days(2026y / 10 / 24));

  // Day 2 has 25 hours: it starts at midnight summer time and ends at midnight winter time.
  CHECK(calendar.start_of_day(2) == utc(2026, 10, 24, 22));
  CHECK(calendar.end_of_day(2) == utc(2026, 10, 25, 23));
  CHECK(calendar.end_of_day(2) - calendar.start_of_day(2) == 25h);

  // Either side of midnight before the change (UTC+2).
  CHECK(calendar.local_time_text(utc(2026, 10, 24, 21, 30)) == "23:30");
  CHECK(calendar.event_day(utc(2026, 10, 24, 21, 30)) == 1);
  CHECK(calendar.local_time_text(utc(2026, 10, 24, 22, 30)) == "00:30");
  CHECK(calendar.event_day(utc(2026, 10, 24, 22, 30)) == 2);

  // 02:30 happens twice; both belong to day 2.
  CHECK(calendar.local_time_text(utc(2026, 10, 25, 0, 30)) == "02:30");
  CHECK(calendar.local_time_text(utc(2026, 10, 25, 1, 30)) == "02:30");
  CHECK(calendar.event_day(utc(2026, 10, 25, 1, 30)) == 2);

  // Either side of midnight after the change (UTC+1): 23:30 UTC on the 25th is the 26th.
  CHECK(calendar.local_time_text(utc(2026, 10, 25, 22, 30)) == "23:30");
  CHECK(calendar.event_day(utc(2026, 10, 25, 22, 30)) == 2);
  CHECK(calendar.local_time_text(utc(2026, 10, 25, 23, 30)) == "00:30");
  CHECK(calendar.local_date(utc(2026, 10, 25, 23, 30)) == 2026y / 10 / 26);
  CHECK(calendar.event_day(utc(2026, 10, 25, 23, 30)) == std::nullopt);
}

TEST_CASE("a calendar works in any IANA zone, not only Berlin", "[event]") {
  auto config = two_days(2026y / 3 / 28);
  config.time_zone = "America/New_York";
  const auto calendar = calendar_for(config);
  // 03:00 UTC on the 28th is still the 27th in New York (UTC-4 after 2026-03-08).
  CHECK(calendar.event_day(utc(2026, 3, 28, 3)) == std::nullopt);
  CHECK(calendar.event_day(utc(2026, 3, 28, 4)) == 1);
  CHECK(calendar.local_time_text(utc(2026, 3, 28, 13, 5)) == "09:05");
}
