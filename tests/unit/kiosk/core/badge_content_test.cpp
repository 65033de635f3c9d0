#include "core/badge_content.h"

#include <catch2/catch.hpp>

#include "support/sample_event.h"

using namespace einlass;

namespace {

const EventCalendar& calendar() {
  static const auto* c = new EventCalendar(*EventCalendar::create(test::sample_event()));
  return *c;
}

}  // namespace

TEST_CASE("the days on a badge are the holder's event days with German weekdays", "[kiosk]") {
  CHECK(badge_days_text(0b11, calendar()) == "Sa 28.03. · So 29.03.");
  CHECK(badge_days_text(0b10, calendar()) == "So 29.03.");
  CHECK(badge_days_text(0, calendar()).empty());
}

TEST_CASE("a badge carries the holder, the category and a code with its revision", "[kiosk]") {
  PrintJob job;
  job.admission = {"K1", 42};
  job.attempts = 1;
  AttendeeRecord holder{7, "Jürgen Weiß", "Stadt Halle (Saale)", 2, 0b01, AttendeeStatus::active};
  const Badge badge = make_badge(job, holder, test::sample_event(), calendar());
  CHECK(badge.name == "Jürgen Weiß");
  CHECK(badge.organisation == "Stadt Halle (Saale)");
  CHECK(badge.category_label == "Referent");
  CHECK(badge.category_colour.starts_with('#'));
  CHECK(badge.days_text == "Sa 28.03.");
  CHECK(badge.event_name == "Digitaler Staat 2026");
  CHECK(badge.reprint == 0);
  CHECK(badge.code == "EINLASS-BADGE:K1-42-R0-A1");
}

TEST_CASE("a resumed print and a reprint are marked, never a plain second copy", "[kiosk]") {
  PrintJob job;
  job.admission = {"K1", 42};
  AttendeeRecord holder{7, "A", "", 1, 0b01, AttendeeStatus::active};
  job.attempts = 2;  // sent once before the kiosk died
  auto resumed = make_badge(job, holder, test::sample_event(), calendar());
  CHECK(resumed.reprint == 1);
  CHECK(resumed.code == "EINLASS-BADGE:K1-42-R0-A2");
  job.reprint = 2;
  job.attempts = 1;
  auto reprint = make_badge(job, holder, test::sample_event(), calendar());
  CHECK(reprint.reprint == 2);
  CHECK(reprint.code == "EINLASS-BADGE:K1-42-R2-A1");
}
