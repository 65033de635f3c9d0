#include "admin/ticket_sheet_text.h"

#include <catch2/catch.hpp>

#include "support/sample_event.h"

using namespace einlass;

TEST_CASE("ticket sheets name the event dates and the valid days in German", "[admin]") {
  auto event = test::sample_event();
  CHECK(format_event_dates(event) == "28.–29.03.2026");
  CHECK(format_valid_days(event, 0b01) == "Gültig · valid: Sa 28.03.2026");
  CHECK(format_valid_days(event, 0b10) == "Gültig · valid: So 29.03.2026");
  CHECK(format_valid_days(event, 0b11) == "Gültig an allen Tagen · valid on all days");
  event.first_day = std::chrono::year{2026} / 3 / 31;
  CHECK(format_event_dates(event) == "31.03.2026 – 01.04.2026");
}

TEST_CASE("a ticket sheet carries the attendee, the category label and colour", "[admin]") {
  Registration r;
  r.record = {7, "Jürgen Weiß", "BMI", 2, 0b11, AttendeeStatus::active};
  const auto sheet = make_ticket_sheet(test::sample_event(), r, "EINLASS:X");
  CHECK(sheet.attendee_name == "Jürgen Weiß");
  CHECK(sheet.category_label == "Referent");
  CHECK(sheet.category_colour == "#C0392B");
  CHECK(sheet.ticket_id_text == "T000007");
  CHECK(sheet.code == "EINLASS:X");
}
