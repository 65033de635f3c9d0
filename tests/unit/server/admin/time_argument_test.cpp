#include "admin/time_argument.h"

#include <catch2/catch.hpp>

#include "support/time_literals.h"

using namespace einlass;
using test::utc;

namespace {
const EventCalendar& berlin() {
  static const EventCalendar calendar = [] {
    EventConfig event;
    event.first_day = std::chrono::year{2026} / 3 / 28;
    event.day_count = 3;
    return EventCalendar::create(event).value();
  }();
  return calendar;
}
}  // namespace

TEST_CASE("a time without offset is event-local, in winter and in summer time", "[admin]") {
  CHECK(parse_time_argument("2026-03-28T09:15", berlin()) == utc(2026, 3, 28, 8, 15));
  CHECK(parse_time_argument("2026-03-30T09:15:30", berlin()) == utc(2026, 3, 30, 7, 15, 30));
}

TEST_CASE("a time with Z or an offset means exactly that instant", "[admin]") {
  CHECK(parse_time_argument("2026-03-28T08:15Z", berlin()) == utc(2026, 3, 28, 8, 15));
  CHECK(parse_time_argument("2026-03-28T10:15+02:00", berlin()) == utc(2026, 3, 28, 8, 15));
  CHECK(parse_time_argument("2026-03-28T05:15-03:00", berlin()) == utc(2026, 3, 28, 8, 15));
}

TEST_CASE("a local time in the hour skipped by the DST change is taken as the later instant",
          "[admin]") {
  // 02:30 does not exist on 2026-03-29 in Berlin; clocks jump from 02:00 to 03:00.
  CHECK(parse_time_argument("2026-03-29T02:30", berlin()) == utc(2026, 3, 29, 1, 0));
}

TEST_CASE("malformed times and dates are refused with the text in the message", "[admin]") {
  for (const char* bad :
       {"", "09:15", "2026-03-28", "2026-03-28 09:15", "2026-13-01T09:00", "2026-02-30T09:00",
        "2026-03-28T25:00", "2026-03-28T09:15+1", "2026-03-28T09:15Zulu"}) {
    auto parsed = parse_time_argument(bad, berlin());
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().find(std::string{"'"} + bad + "'") != std::string::npos);
  }
}
