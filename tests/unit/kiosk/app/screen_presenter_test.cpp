#include "app/screen_presenter.h"

#include <catch2/catch.hpp>

#include "support/sample_event.h"

using namespace einlass;

namespace {

const EventCalendar& calendar() {
  static const auto* c = new EventCalendar(*EventCalendar::create(test::sample_event()));
  return *c;
}

ScanOutcome outcome(bool admitted, AdmissionKind kind = AdmissionKind::entry) {
  ScanOutcome o;
  o.decision.admitted = admitted;
  o.decision.kind = kind;
  o.decision.display_name = "Jürgen Weiß";
  o.decision.organisation = "Stadt Halle (Saale)";
  o.decision.category = 2;
  if (admitted) o.print_job = 7;
  return o;
}

}  // namespace

TEST_CASE("an admission greets the holder with the category band and the badge on its way",
          "[kiosk]") {
  const auto content = present_outcome(outcome(true), test::sample_event(), calendar());
  const auto* welcome = std::get_if<WelcomeScreen>(&content);
  REQUIRE(welcome);
  CHECK(welcome->name == "Jürgen Weiß");
  CHECK(welcome->organisation == "Stadt Halle (Saale)");
  CHECK(welcome->category_label == "Referent");
  CHECK(welcome->category_colour.starts_with('#'));
  CHECK(welcome->badge_printing);
}

TEST_CASE("an exit says goodbye and prints nothing", "[kiosk]") {
  auto o = outcome(true, AdmissionKind::exit);
  o.print_job.reset();
  const auto content = present_outcome(o, test::sample_event(), calendar());
  const auto* exit = std::get_if<ExitScreen>(&content);
  REQUIRE(exit);
  CHECK(exit->name == "Jürgen Weiß");
}

TEST_CASE("a refusal explains itself in German and English", "[kiosk]") {
  auto o = outcome(false);
  o.decision.reason = Reason::canceled;
  const auto content = present_outcome(o, test::sample_event(), calendar());
  const auto* refused = std::get_if<RefusedScreen>(&content);
  REQUIRE(refused);
  CHECK(refused->title.de == "Kein Einlass");
  CHECK_FALSE(refused->message.de.empty());
  CHECK_FALSE(refused->message.en.empty());
  CHECK(refused->message.de != refused->message.en);
  auto invalid = outcome(false);
  invalid.decision.reason = Reason::invalid;
  const auto other = present_outcome(invalid, test::sample_event(), calendar());
  CHECK(std::get<RefusedScreen>(other).message.de != refused->message.de);
}
