#include "staff/staff_session.h"

#include <catch2/catch.hpp>

#include <string>

#include "staffcard/pin.h"
#include "support/time_literals.h"

using namespace einlass;
using namespace std::chrono_literals;

namespace {

const Timestamp kStart = test::utc(2026, 9, 15, 8, 0);

// The cheapest scrypt a card may carry, so the many PIN entries here stay fast.
StaffCard card(StaffCardId id, std::string name, std::string_view pin) {
  StaffCard c;
  c.event_id = 2026'0915;
  c.key_id = 1;
  c.card_id = id;
  c.staff_name = std::move(name);
  c.pin = make_pin_verifier(pin, PinHashParams{10, 8, 1});
  c.issued_at = test::utc(2026, 9, 1);
  return c;
}

const StaffCard& anna() {
  static const StaffCard c = card(1, "Anna Schäfer", "2580");
  return c;
}

const StaffCard& ben() {
  static const StaffCard c = card(2, "Ben Okafor", "7391");
  return c;
}

struct Fixture {
  ManualClock clock{kStart};
  StaffSession session{clock};

  void show(const StaffCard& c) { REQUIRE(session.present_card(c, false)); }
  PinResult pin(std::string_view p) { return session.enter_pin(p); }
  StaffState state() { return session.view().state; }
};

}  // namespace

TEST_CASE("a new session is idle with every attempt left", "[staff]") {
  Fixture f;
  const StaffView v = f.session.view();
  CHECK(v == StaffView{StaffState::idle, "", 0, 3, false, std::nullopt, std::nullopt});
  CHECK_FALSE(f.session.unlocked());
  CHECK(f.session.lock_state() == StaffLock{});
}

TEST_CASE("a card and its PIN unlock staff mode", "[staff]") {
  Fixture f;
  f.show(anna());
  StaffView v = f.session.view();
  CHECK(v.state == StaffState::waiting_for_pin);
  CHECK(v.staff_name == "Anna Schäfer");
  CHECK(v.card_id == 1);
  CHECK(v.attempts_left == 3);
  CHECK(v.ends_at == kStart + 60s);

  f.clock.advance(5s);
  CHECK(f.pin("2580") == PinResult{PinOutcome::unlocked, 3, std::nullopt});
  v = f.session.view();
  CHECK(v.state == StaffState::unlocked);
  CHECK(v.staff_name == "Anna Schäfer");
  CHECK(v.ends_at == kStart + 5s + 120s);
  CHECK(f.session.unlocked());
}

TEST_CASE("a revoked card is refused with its id and changes nothing", "[staff]") {
  Fixture f;
  auto refused = f.session.present_card(anna(), true);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().reason == CardRefusal::revoked);
  CHECK_THAT(refused.error().message, Catch::Contains("S000001") && Catch::Contains("revoked"));
  CHECK_THAT(refused.error().message, !Catch::Contains("Anna"));
  CHECK(f.state() == StaffState::idle);

  // Shown during someone else's session, it does not end that session.
  f.show(ben());
  REQUIRE(f.pin("7391").outcome == PinOutcome::unlocked);
  CHECK_FALSE(f.session.present_card(anna(), true));
  CHECK(f.session.view().staff_name == "Ben Okafor");
  CHECK(f.session.unlocked());
}

TEST_CASE("a wrong PIN leaves the card waiting and counts down the attempts", "[staff]") {
  Fixture f;
  f.show(anna());
  CHECK(f.pin("2581") == PinResult{PinOutcome::wrong, 2, std::nullopt});
  StaffView v = f.session.view();
  CHECK(v.state == StaffState::waiting_for_pin);
  CHECK(v.attempts_left == 2);
  CHECK(v.last_pin_wrong);
  CHECK(f.pin("0000") == PinResult{PinOutcome::wrong, 1, std::nullopt});
  CHECK(f.session.view().attempts_left == 1);
  // The right PIN still opens, and the count starts again.
  CHECK(f.pin("2580").outcome == PinOutcome::unlocked);
  v = f.session.view();
  CHECK(v.attempts_left == 3);
  CHECK_FALSE(v.last_pin_wrong);
  CHECK(f.session.lock_state() == StaffLock{0, std::nullopt});
}

TEST_CASE("three wrong PINs lock staff mode for 60 s", "[staff]") {
  Fixture f;
  f.show(anna());
  CHECK(f.pin("1111").outcome == PinOutcome::wrong);
  f.clock.advance(2s);
  CHECK(f.pin("2222").outcome == PinOutcome::wrong);
  f.clock.advance(2s);
  const Timestamp until = kStart + 4s + 60s;
  CHECK(f.pin("3333") == PinResult{PinOutcome::locked, 0, until});

  StaffView v = f.session.view();
  CHECK(v.state == StaffState::locked);
  CHECK(v.locked_until == until);
  CHECK(v.attempts_left == 0);
  CHECK(v.staff_name.empty());  // the card was dropped
  CHECK(v.card_id == 0);
  CHECK(f.session.lock_state() == StaffLock{3, until});

  // Locked: not even the right PIN or the right card gets in.
  CHECK(f.pin("2580") == PinResult{PinOutcome::locked, 0, until});
  auto refused = f.session.present_card(anna(), false);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().reason == CardRefusal::locked);
  CHECK(refused.error().locked_until == until);
  CHECK_THAT(refused.error().message, Catch::Contains("2026-09-15T08:01:04.000Z"));

  f.clock.set(until - 1ms);
  CHECK(f.state() == StaffState::locked);
  CHECK_FALSE(f.session.present_card(ben(), false));

  f.clock.set(until);
  v = f.session.view();
  CHECK(v.state == StaffState::idle);
  CHECK(v.attempts_left == 3);
  CHECK_FALSE(v.locked_until);
  f.show(anna());
  CHECK(f.pin("2580").outcome == PinOutcome::unlocked);
}

TEST_CASE("swapping cards does not reset the count of wrong PINs", "[staff]") {
  Fixture f;
  f.show(anna());
  CHECK(f.pin("1111").outcome == PinOutcome::wrong);
  CHECK(f.pin("2222").outcome == PinOutcome::wrong);
  f.show(ben());
  StaffView v = f.session.view();
  CHECK(v.staff_name == "Ben Okafor");
  CHECK(v.attempts_left == 1);
  CHECK_FALSE(v.last_pin_wrong);                       // a new card, no "wrong PIN" on its pad yet
  CHECK(f.pin("2580").outcome == PinOutcome::locked);  // Anna's PIN on Ben's card
  CHECK(f.state() == StaffState::locked);
}

TEST_CASE("leaving or timing out does not reset the count of wrong PINs", "[staff]") {
  Fixture f;
  f.show(anna());
  CHECK(f.pin("1111").outcome == PinOutcome::wrong);
  f.session.leave();
  CHECK(f.state() == StaffState::idle);
  CHECK(f.session.view().attempts_left == 2);
  f.show(anna());
  CHECK(f.pin("2222").outcome == PinOutcome::wrong);
  f.clock.advance(61s);
  CHECK(f.state() == StaffState::idle);
  CHECK(f.session.view().attempts_left == 1);
  f.show(anna());
  CHECK(f.pin("3333").outcome == PinOutcome::locked);
}

TEST_CASE("a card waits 60 s for a PIN, counted from the card or the last wrong PIN", "[staff]") {
  Fixture f;
  f.show(anna());
  f.clock.advance(59'999ms);
  CHECK(f.state() == StaffState::waiting_for_pin);
  f.clock.advance(1ms);
  CHECK(f.state() == StaffState::idle);
  CHECK(f.session.view().staff_name.empty());
  CHECK(f.pin("2580") == PinResult{PinOutcome::no_card, 3, std::nullopt});

  f.show(anna());
  f.clock.advance(50s);
  CHECK(f.pin("1111").outcome == PinOutcome::wrong);
  CHECK(f.session.view().ends_at == f.clock.now() + 60s);
  f.clock.advance(59s);
  CHECK(f.pin("2580").outcome == PinOutcome::unlocked);
}

TEST_CASE("showing a card again restarts the wait for the PIN", "[staff]") {
  Fixture f;
  f.show(anna());
  f.clock.advance(50s);
  f.show(anna());
  f.clock.advance(50s);
  CHECK(f.state() == StaffState::waiting_for_pin);
  CHECK(f.pin("2580").outcome == PinOutcome::unlocked);
}

TEST_CASE("an unlocked session ends after 120 s without activity; touch extends it", "[staff]") {
  Fixture f;
  f.show(anna());
  REQUIRE(f.pin("2580").outcome == PinOutcome::unlocked);
  f.clock.advance(100s);
  CHECK(f.session.touch());
  CHECK(f.session.view().ends_at == kStart + 100s + 120s);
  f.clock.advance(119'999ms);
  CHECK(f.session.unlocked());
  f.clock.advance(1ms);
  CHECK_FALSE(f.session.unlocked());
  const StaffView v = f.session.view();
  CHECK(v.state == StaffState::idle);
  CHECK(v.staff_name.empty());
  CHECK_FALSE(v.ends_at);
  CHECK_FALSE(f.session.touch());  // too late: the caller shows the attendee screen
}

TEST_CASE("touch does nothing outside an unlocked session", "[staff]") {
  Fixture f;
  CHECK_FALSE(f.session.touch());
  f.show(anna());
  CHECK_FALSE(f.session.touch());
  CHECK(f.session.view().ends_at == kStart + 60s);  // a touch does not extend the PIN wait
  CHECK(f.state() == StaffState::waiting_for_pin);
}

TEST_CASE("leave ends an unlocked session or a waiting card", "[staff]") {
  Fixture f;
  f.show(anna());
  REQUIRE(f.pin("2580").outcome == PinOutcome::unlocked);
  f.session.leave();
  CHECK(f.state() == StaffState::idle);
  CHECK(f.pin("2580").outcome == PinOutcome::no_card);
  f.show(ben());
  f.session.leave();
  CHECK(f.state() == StaffState::idle);
  f.session.leave();  // harmless when idle
  CHECK(f.state() == StaffState::idle);
}

TEST_CASE("leave does not lift a lock", "[staff]") {
  Fixture f;
  f.show(anna());
  for (const char* p : {"1111", "2222", "3333"}) f.pin(p);
  REQUIRE(f.state() == StaffState::locked);
  f.session.leave();
  CHECK(f.state() == StaffState::locked);
}

TEST_CASE("a PIN entered without a card does nothing", "[staff]") {
  Fixture f;
  CHECK(f.pin("2580") == PinResult{PinOutcome::no_card, 3, std::nullopt});
  CHECK(f.pin("1111") == PinResult{PinOutcome::no_card, 3, std::nullopt});
  CHECK(f.state() == StaffState::idle);
  CHECK(f.session.lock_state() == StaffLock{});
}

TEST_CASE("a PIN entered while unlocked does not count", "[staff]") {
  Fixture f;
  f.show(anna());
  REQUIRE(f.pin("2580").outcome == PinOutcome::unlocked);
  CHECK(f.pin("1111").outcome == PinOutcome::no_card);
  CHECK(f.session.unlocked());
  CHECK(f.session.view().attempts_left == 3);
}

TEST_CASE("a new card ends the open session and must be unlocked with its own PIN", "[staff]") {
  Fixture f;
  f.show(anna());
  REQUIRE(f.pin("2580").outcome == PinOutcome::unlocked);
  f.show(ben());
  StaffView v = f.session.view();
  CHECK(v.state == StaffState::waiting_for_pin);
  CHECK(v.staff_name == "Ben Okafor");
  CHECK(f.pin("2580").outcome == PinOutcome::wrong);
  CHECK(f.pin("7391").outcome == PinOutcome::unlocked);
  CHECK(f.session.view().card_id == 2);
}

TEST_CASE("a card revoked during its session ends that session only", "[staff]") {
  Fixture f;
  f.show(anna());
  REQUIRE(f.pin("2580").outcome == PinOutcome::unlocked);
  f.session.card_revoked(2);
  CHECK(f.session.unlocked());
  f.session.card_revoked(1);
  CHECK(f.state() == StaffState::idle);
  f.show(ben());
  f.session.card_revoked(2);
  CHECK(f.state() == StaffState::idle);
}

TEST_CASE("a restored lock survives a restart of the kiosk", "[staff]") {
  ManualClock clock{kStart};
  StaffLock saved;
  {
    StaffSession before{clock};
    REQUIRE(before.present_card(anna(), false));
    before.enter_pin("1111");
    before.enter_pin("2222");
    saved = before.lock_state();
  }
  CHECK(saved == StaffLock{2, std::nullopt});
  StaffSession after_two{clock, {}, saved};
  CHECK(after_two.view().attempts_left == 1);
  REQUIRE(after_two.present_card(anna(), false));
  CHECK(after_two.enter_pin("3333").outcome == PinOutcome::locked);
  saved = after_two.lock_state();
  CHECK(saved == StaffLock{3, kStart + 60s});

  clock.advance(30s);
  StaffSession restarted{clock, {}, saved};
  StaffView v = restarted.view();
  CHECK(v.state == StaffState::locked);
  CHECK(v.locked_until == kStart + 60s);
  CHECK_FALSE(restarted.present_card(anna(), false));
  clock.advance(30s);
  CHECK(restarted.view().state == StaffState::idle);

  StaffSession expired{clock, {}, StaffLock{3, kStart + 60s}};
  CHECK(expired.view().state == StaffState::idle);
  CHECK(expired.view().attempts_left == 3);
}

TEST_CASE("restored state out of range is clamped", "[staff]") {
  ManualClock clock{kStart};
  StaffSession negative{clock, {}, StaffLock{-5, std::nullopt}};
  CHECK(negative.view().attempts_left == 3);
  // Too many failures without a lock time: one attempt left, never more than the limit.
  StaffSession many{clock, {}, StaffLock{99, std::nullopt}};
  CHECK(many.view().attempts_left == 1);
}

TEST_CASE("a clock set back cannot stretch the lock or a timeout", "[staff]") {
  ManualClock clock{kStart};
  StaffSession session{clock};
  REQUIRE(session.present_card(anna(), false));
  for (const char* p : {"1111", "2222", "3333"}) session.enter_pin(p);
  REQUIRE(session.view().locked_until == kStart + 60s);
  clock.set(kStart - std::chrono::hours(24));  // NTP corrects a wrong clock by a day
  CHECK(session.view().locked_until == clock.now() + 60s);
  clock.advance(60s);
  CHECK(session.view().state == StaffState::idle);

  REQUIRE(session.present_card(anna(), false));
  REQUIRE(session.enter_pin("2580").outcome == PinOutcome::unlocked);
  const Timestamp now = clock.now();
  clock.set(now - std::chrono::hours(1));
  CHECK(session.view().ends_at == clock.now() + 120s);
  clock.advance(120s);
  CHECK_FALSE(session.unlocked());
}

TEST_CASE("limits other than the defaults are honoured", "[staff]") {
  ManualClock clock{kStart};
  StaffSession session{clock, StaffSessionLimits{5, 10s, 20s, 30s}};
  REQUIRE(session.present_card(anna(), false));
  CHECK(session.view().attempts_left == 5);
  CHECK(session.view().ends_at == kStart + 20s);
  for (int i = 0; i < 4; ++i) CHECK(session.enter_pin("1111").outcome == PinOutcome::wrong);
  CHECK(session.enter_pin("1111") == PinResult{PinOutcome::locked, 0, kStart + 10s});
  clock.advance(10s);
  REQUIRE(session.present_card(anna(), false));
  REQUIRE(session.enter_pin("2580").outcome == PinOutcome::unlocked);
  CHECK(session.view().ends_at == kStart + 10s + 30s);
}

TEST_CASE("states have stable names", "[staff]") {
  CHECK(to_string(StaffState::idle) == "idle");
  CHECK(to_string(StaffState::waiting_for_pin) == "waiting_for_pin");
  CHECK(to_string(StaffState::unlocked) == "unlocked");
  CHECK(to_string(StaffState::locked) == "locked");
}
