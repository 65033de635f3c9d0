#include "rules/messages.h"

#include <catch2/catch.hpp>
#include <vector>

#include "example_event.h"

using namespace einlass;
using namespace einlass::test;

namespace {

Decision refused(Reason reason) {
  Decision d;
  d.reason = reason;
  d.ticket_id = 42;
  d.scan_time = day1(9, 40);
  d.event_day = 1;
  d.days = 0b10;
  d.valid_from = day1(12, 0);
  d.valid_until = day1(9, 0);
  d.display_name = "Anna";
  d.prior = AdmissionEvent{EventKey{"kiosk-2", 17},
                           42,
                           AdmissionKind::entry,
                           day1(9, 12),
                           stamp(day1(9, 12)),
                           1,
                           "",
                           ""};
  return d;
}

}  // namespace

TEST_CASE("every refusal says why in plain words and sends the attendee to the desk, never a code",
          "[rules][messages]") {
  for (const Reason reason : kAllReasons) {
    const Decision d = refused(reason);
    const auto de = attendee_message(d, Language::de, kEventName, example_calendar());
    const auto en = attendee_message(d, Language::en, kEventName, example_calendar());
    INFO(to_string(reason) << "\n" << de << "\n" << en);
    CHECK_THAT(de, Catch::Contains("Infotheke"));
    CHECK_THAT(en, Catch::Contains("staff desk"));
    for (const Reason code : kAllReasons) {
      CHECK_THAT(de, !Catch::Contains(std::string{to_string(code)}));
      CHECK_THAT(en, !Catch::Contains(std::string{to_string(code)}));
    }
    CHECK_THAT(de, !Catch::Contains("T000042"));
    CHECK(de != en);
  }
}

TEST_CASE("an invalid scan tells the attendee it is not a ticket for this event",
          "[rules][messages]") {
  const Decision d = refuse_unverified(TicketError{TicketProblem::not_a_ticket, "no prefix"});
  CHECK(attendee_message(d, Language::de, kEventName, example_calendar()) ==
        "Dies ist kein Ticket für Digitale Verwaltung 2026. Bitte wenden Sie sich an die "
        "Infotheke.");
  CHECK(attendee_message(d, Language::en, kEventName, example_calendar()) ==
        "This is not a ticket for Digitale Verwaltung 2026. Please go to the staff desk.");
  CHECK(staff_explanation(d, example_calendar()) == "invalid: not_a_ticket: no prefix");
}

TEST_CASE("wrong_day names every valid day, in each language's way", "[rules][messages]") {
  auto config = example_config();
  config.day_count = 3;
  const auto calendar = EventCalendar::create(config);
  REQUIRE(calendar.has_value());
  Decision d = refused(Reason::wrong_day);
  d.days = 0b111;
  CHECK(attendee_message(d, Language::de, kEventName, *calendar) ==
        "Ihr Ticket gilt heute nicht, sondern am 28.03.2026, 29.03.2026 und 30.03.2026. Bitte "
        "wenden Sie sich an die Infotheke.");
  CHECK(attendee_message(d, Language::en, kEventName, *calendar) ==
        "Your ticket is not valid today; it is valid on 28 March 2026, 29 March 2026 and 30 "
        "March 2026. Please go to the staff desk.");
  d.days = 0;
  CHECK(attendee_message(d, Language::en, kEventName, *calendar) ==
        "Your ticket is not valid on any day of Digitale Verwaltung 2026. Please go to the staff "
        "desk.");
}

TEST_CASE("a greeting without a name is still a greeting", "[rules][messages]") {
  Decision d;
  d.admitted = true;
  CHECK(attendee_message(d, Language::de, kEventName, example_calendar()) == "Willkommen!");
  CHECK(attendee_message(d, Language::en, kEventName, example_calendar()) == "Welcome!");
}

TEST_CASE("staff explanations carry the code, the local time and the detail, but no name",
          "[rules][messages]") {
  const Ticket ticket = example_ticket();
  const Decision d = decide(ticket, known(ticket), {}, day1(9, 12), entrance(), example_calendar(),
                            ReentryPolicy::allow_after_exit);
  const auto text = staff_explanation(d, example_calendar());
  CHECK(text == "entry at 2026-03-28 09:12: T000042 admitted on day 1 at 09:12 at kiosk-1");
  CHECK_THAT(text, !Catch::Contains("Anna"));
}
