#pragma once
// The example event of the rules tests: "Digitale Verwaltung 2026" in Berlin on Saturday
// 2026-03-28 and Sunday 2026-03-29; summer time starts in the night between them.
#include <catch2/catch.hpp>

#include "event/event_calendar.h"
#include "rules/decide.h"
#include "rules/messages.h"
#include "support/time_literals.h"

namespace einlass::test {

inline constexpr std::string_view kEventName = "Digitale Verwaltung 2026";
inline constexpr CategoryCode kAttendee = 1;
inline constexpr CategoryCode kSpeaker = 2;
inline constexpr CategoryCode kPress = 4;

inline EventConfig example_config() {
  EventConfig config;
  config.id = 2026;
  config.name = std::string{kEventName};
  config.time_zone = "Europe/Berlin";
  config.first_day = std::chrono::year{2026} / 3 / 28;
  config.day_count = 2;
  return config;
}

inline const EventCalendar& example_calendar() {
  static const EventCalendar calendar = [] {
    auto created = EventCalendar::create(example_config());
    REQUIRE(created.has_value());
    return *created;
  }();
  return calendar;
}

// Berlin wall time on day 1 (Saturday, UTC+1) and day 2 (Sunday; UTC+1 before 02:00, UTC+2 after).
inline Timestamp day1(int hour, int minute) {
  return utc(2026, 3, 28, hour - 1, minute);
}
// 02:xx does not exist on day 2.
inline Timestamp day2(int hour, int minute) {
  REQUIRE(hour != 2);
  return hour < 2 ? utc(2026, 3, 28, hour + 23, minute) : utc(2026, 3, 29, hour - 2, minute);
}

inline Ticket example_ticket(TicketId id = 42, DayMask days = 0b11) {
  Ticket t;
  t.key_id = 1;
  t.event_id = 2026;
  t.ticket_id = id;
  t.category = kAttendee;
  t.days = days;
  t.display_name = "Anna Müller-Lüdenscheidt";
  t.organisation = "Stadt Köln";
  return t;
}

inline ReplicaFacts known(const Ticket& t) {
  return ReplicaFacts{record_for(t), false};
}

// What the attendee reads, in German and in English.
inline std::string de(const Decision& d) {
  return attendee_message(d, Language::de, kEventName, example_calendar());
}
inline std::string en(const Decision& d) {
  return attendee_message(d, Language::en, kEventName, example_calendar());
}

inline Entrance entrance(std::string kiosk = "kiosk-1") {
  return Entrance{std::move(kiosk), EntranceMode::entry, {}};
}
inline Entrance exit_gate(std::string kiosk = "exit-1") {
  return Entrance{std::move(kiosk), EntranceMode::exit, {}};
}

inline Hlc stamp(Timestamp t) {
  return Hlc{to_unix_ms(t), 0};
}

}  // namespace einlass::test
