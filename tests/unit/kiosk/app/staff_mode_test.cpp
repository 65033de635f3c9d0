#include "app/staff_mode.h"

#include <catch2/catch.hpp>

#include "core/admission_desk.h"
#include "kiosk_fixture.h"
#include "staffcard/pin.h"
#include "staffcard/staff_card_issuer.h"
#include "storage/print_job_repository.h"
#include "storage/staff_card_repository.h"
#include "support/sample_event.h"

using namespace einlass;
using test::first_morning;

namespace {

class FakeActions final : public StaffActions {
 public:
  void pause(bool p) override { paused_ = p; }
  bool paused() const override { return paused_; }
  std::optional<LastBadge> last_badge() const override { return last; }
  void wake_printer() override { ++wakes; }
  void print_test_page() override { ++test_pages; }
  void log_staff_action(std::string_view what, std::string_view detail) override {
    log.push_back(std::string(what) + " " + std::string(detail));
  }

  bool paused_ = false;
  std::optional<LastBadge> last;
  int wakes = 0;
  int test_pages = 0;
  std::vector<std::string> log;
};

struct Staff {
  test::KioskFixture fixture;
  Replica replica = std::move(*Replica::open(fixture.replica_path));
  ManualClock clock{first_morning()};
  FakeActions actions;
  StaffMode staff{replica, clock, actions, std::chrono::minutes(2)};

  std::string card(StaffCardId id, std::string name = "Max Muster") {
    StaffCard c;
    c.event_id = test::sample_event().id;
    c.key_id = 1;
    c.card_id = id;
    c.staff_name = std::move(name);
    c.issued_at = first_morning();
    c.pin = make_pin_verifier("2580", PinHashParams{10, 8, 1});
    return sign_staff_card(c, fixture.key);
  }
  template <class T>
  T as(const std::optional<ScreenContent>& content) {
    REQUIRE(content);
    REQUIRE(std::holds_alternative<T>(*content));
    return std::get<T>(*content);
  }
};

}  // namespace

TEST_CASE("a staff card asks for the PIN; the right PIN opens the menu", "[kiosk][staff]") {
  Staff s;
  const auto pin = s.staff.present_card(s.card(1));
  CHECK(std::get<StaffPinScreen>(pin).staff_name == "Max Muster");
  CHECK(s.staff.active());
  const auto& menu = s.as<StaffMenuScreen>(s.staff.on_command(EnterPin{"2580"}));
  CHECK(menu.staff_name == "Max Muster");
  CHECK(menu.last_badge.empty());
  // Logs name the card, never the holder.
  for (const auto& line : s.actions.log) CHECK(line.find("Max") == std::string::npos);
}

TEST_CASE("three wrong PINs lock staff mode, whichever card comes next", "[kiosk][staff]") {
  Staff s;
  s.staff.present_card(s.card(1));
  CHECK(s.as<StaffPinScreen>(s.staff.on_command(EnterPin{"1111"})).wrong_pin);
  CHECK(s.as<StaffPinScreen>(s.staff.on_command(EnterPin{"2222"})).attempts_left == 1);
  const auto& locked = s.as<StaffPinScreen>(s.staff.on_command(EnterPin{"3333"}));
  REQUIRE(locked.locked_until);
  const auto other = s.staff.present_card(s.card(2, "Eva Lang"));
  CHECK(std::get<StaffPinScreen>(other).locked_until == locked.locked_until);
  CHECK_FALSE(s.staff.active());
  s.clock.advance(std::chrono::minutes(1) + std::chrono::seconds(1));
  s.staff.present_card(s.card(2, "Eva Lang"));
  CHECK(std::holds_alternative<StaffMenuScreen>(*s.staff.on_command(EnterPin{"2580"})));
}

TEST_CASE("forged and revoked cards are refused", "[kiosk][staff]") {
  Staff s;
  auto forged = s.card(1);
  forged[forged.size() - 3] = forged[forged.size() - 3] == 'A' ? 'B' : 'A';
  CHECK(std::holds_alternative<RefusedScreen>(s.staff.present_card(forged)));
  REQUIRE(StaffCardRepository(s.replica.db()).put_revoked(3, first_morning()));
  CHECK(std::holds_alternative<RefusedScreen>(s.staff.present_card(s.card(3))));
  CHECK_FALSE(s.staff.active());
  // Without an open session commands do nothing.
  CHECK_FALSE(s.staff.on_command(ReprintLast{}));
}

TEST_CASE("staff reprint the last badge and any admitted attendee's, numbered", "[kiosk][staff]") {
  Staff s;
  auto desk =
      std::move(*AdmissionDesk::open(s.replica, Entrance{"K1", EntranceMode::entry, {}}, s.clock));
  const auto admitted = desk.scan(s.fixture.ticket(1), first_morning());
  REQUIRE(admitted.committed);
  s.actions.last = LastBadge{*admitted.committed, 1, "Jürgen Weiß"};
  s.staff.present_card(s.card(1));
  CHECK(s.as<StaffMenuScreen>(s.staff.on_command(EnterPin{"2580"})).last_badge ==
        "Jürgen Weiß (T000001)");

  CHECK(s.as<StaffMenuScreen>(s.staff.on_command(ReprintLast{})).notice.de ==
        "Nachdruck 1 wird gedruckt.");
  const auto& second = s.as<StaffMenuScreen>(s.staff.on_command(ReprintTicket{"T000001"}));
  CHECK(second.notice.de == "Nachdruck 2 wird gedruckt.");
  CHECK(s.actions.wakes == 2);
  CHECK(PrintJobRepository(s.replica.db(), s.clock).unfinished()->size() == 3);

  // Someone who was never admitted has no badge to reprint.
  const auto& none = s.as<StaffMenuScreen>(s.staff.on_command(ReprintTicket{"T000002"}));
  CHECK(none.notice.en == "This ticket was not admitted, so there is no badge to reprint.");
}

TEST_CASE("staff search forgives case and accents and the session times out", "[kiosk][staff]") {
  Staff s;
  s.staff.present_card(s.card(1));
  s.staff.on_command(EnterPin{"2580"});
  const auto& hits = s.as<StaffSearchScreen>(s.staff.on_command(SearchAttendees{"weiss"}));
  REQUIRE(hits.results.size() == 1);
  CHECK(hits.results[0].name == "Jürgen Weiß");
  CHECK(hits.results[0].ticket_id == "T000001");
  CHECK(s.as<StaffSearchScreen>(s.staff.on_command(SearchAttendees{"YILMAZ"})).results.size() == 1);
  s.staff.on_command(PauseKiosk{});
  CHECK(s.actions.paused());
  CHECK(s.as<StaffMenuScreen>(s.staff.on_command(ResumeKiosk{})).paused == false);
  s.clock.advance(std::chrono::minutes(3));
  CHECK_FALSE(s.staff.active());
  CHECK_FALSE(s.staff.on_command(ShowStaffMenu{}));
}

TEST_CASE("a restart does not hand out fresh PIN attempts", "[kiosk][staff]") {
  Staff s;
  s.staff.present_card(s.card(1));
  s.staff.on_command(EnterPin{"1111"});
  s.staff.on_command(EnterPin{"2222"});
  // The kiosk restarts (power pulled): a new staff mode on the same replica.
  StaffMode again{s.replica, s.clock, s.actions, std::chrono::minutes(2)};
  again.present_card(s.card(1));
  const auto locked = again.on_command(EnterPin{"3333"});
  REQUIRE(locked);
  REQUIRE(std::get<StaffPinScreen>(*locked).locked_until);
  StaffMode third{s.replica, s.clock, s.actions, std::chrono::minutes(2)};
  CHECK(std::get<StaffPinScreen>(third.present_card(s.card(1))).locked_until);
  CHECK_FALSE(third.active());
}
