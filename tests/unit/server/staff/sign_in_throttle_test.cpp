#include "staff/sign_in_throttle.h"

#include <catch2/catch.hpp>

#include "support/time_literals.h"

using namespace einlass;
using namespace std::chrono_literals;

namespace {

struct ThrottleFixture {
  ManualClock clock{test::utc(2026, 9, 1, 8)};
  SignInThrottle throttle{clock, ThrottleOptions{5, 30s, 900s, 10'000}};

  void fail(std::string_view login, std::string_view client, int times = 1) {
    for (int i = 0; i < times; ++i) throttle.failed(login, client);
  }
};

}  // namespace

TEST_CASE("a login is locked after 5 failures, for 30 s, doubling up to 15 min",
          "[staff][throttle]") {
  ThrottleFixture f;
  // Each failure from another address, so that only the login's count matters.
  for (int i = 0; i < 4; ++i) f.fail("anna", "10.0.0." + std::to_string(i));
  CHECK_FALSE(f.throttle.check("anna", "10.0.1.1"));
  f.fail("anna", "10.0.0.4");
  auto locked = f.throttle.check("anna", "10.0.1.1");
  REQUIRE(locked);
  CHECK(locked->retry_after == 30s);
  CHECK(locked->what == "for anna");
  CHECK_FALSE(f.throttle.check("ben", "10.0.1.1"));  // other logins are not affected

  f.clock.advance(29'500ms);
  REQUIRE(f.throttle.check("anna", "10.0.1.1"));
  CHECK(f.throttle.check("anna", "10.0.1.1")->retry_after == 1s);  // rounded up
  f.clock.advance(500ms);
  CHECK_FALSE(f.throttle.check("anna", "10.0.1.1"));

  // Every further failure doubles the lockout.
  std::vector<std::chrono::seconds> lockouts;
  for (int i = 0; i < 7; ++i) {
    f.fail("anna", "10.0.2." + std::to_string(i));
    auto next = f.throttle.check("anna", "10.0.1.1");
    REQUIRE(next);
    lockouts.push_back(next->retry_after);
    f.clock.advance(next->retry_after);
  }
  CHECK(lockouts == std::vector<std::chrono::seconds>{60s, 120s, 240s, 480s, 900s, 900s, 900s});
}

TEST_CASE("an address is locked after 5 failures whatever logins it tried", "[staff][throttle]") {
  ThrottleFixture f;
  for (int i = 0; i < 5; ++i) f.fail("user" + std::to_string(i), "192.0.2.7");
  auto locked = f.throttle.check("anna", "192.0.2.7");
  REQUIRE(locked);
  CHECK(locked->what == "from 192.0.2.7");
  CHECK(locked->retry_after == 30s);
  CHECK_FALSE(f.throttle.check("anna", "192.0.2.8"));
  CHECK_FALSE(f.throttle.check("user0", "192.0.2.8"));  // one failure each
}

TEST_CASE("when both are locked the longer lockout is reported", "[staff][throttle]") {
  ThrottleFixture f;
  f.fail("anna", "192.0.2.7", 5);
  f.clock.advance(30s);
  f.fail("anna", "192.0.2.8", 1);  // anna: 6 failures, 60 s; 192.0.2.7 is free again
  f.fail("ben", "192.0.2.7", 1);   // 192.0.2.7: 6 failures, 60 s
  f.clock.advance(10s);
  f.fail("carl", "192.0.2.9", 5);  // 192.0.2.9: 30 s
  auto both = f.throttle.check("anna", "192.0.2.9");
  REQUIRE(both);
  CHECK(both->what == "for anna");
  CHECK(both->retry_after == 50s);
}

TEST_CASE("a success resets the login's count but not the address's", "[staff][throttle]") {
  ThrottleFixture f;
  f.fail("anna", "10.0.0.1", 4);
  f.throttle.succeeded("anna");
  f.fail("anna", "10.0.0.2", 4);
  CHECK_FALSE(f.throttle.check("anna", "10.0.0.3"));  // 4 since the success, not 8
  f.fail("anna", "10.0.0.2");
  REQUIRE(f.throttle.check("anna", "10.0.0.3"));

  ThrottleFixture g;
  g.fail("anna", "10.0.0.1", 4);
  g.throttle.succeeded("anna");
  g.fail("ben", "10.0.0.1");
  auto locked = g.throttle.check("carl", "10.0.0.1");
  REQUIRE(locked);
  CHECK(locked->what == "from 10.0.0.1");
}

TEST_CASE("failures older than the longest lockout are forgotten", "[staff][throttle]") {
  ThrottleFixture f;
  f.fail("anna", "10.0.0.1", 4);
  f.clock.advance(900s);
  f.fail("anna", "10.0.0.1");
  CHECK_FALSE(f.throttle.check("anna", "10.0.0.1"));  // the count started again
  f.clock.advance(899s);
  f.fail("anna", "10.0.0.1", 3);
  CHECK_FALSE(f.throttle.check("anna", "10.0.0.1"));
  f.fail("anna", "10.0.0.1");
  REQUIRE(f.throttle.check("anna", "10.0.0.1"));  // 1 + 4 within 15 min
}

TEST_CASE("the table forgets stale entries and never grows past its capacity",
          "[staff][throttle]") {
  ManualClock clock{test::utc(2026, 9, 1, 8)};
  SignInThrottle throttle{clock, ThrottleOptions{5, 30s, 900s, 10}};
  for (int i = 0; i < 100; ++i) {
    clock.advance(1ms);
    throttle.failed("user" + std::to_string(i), "10.0.0." + std::to_string(i));
    CHECK(throttle.entries() <= 10);
  }
  // The stalest go first: the newest entry keeps counting.
  for (int i = 0; i < 4; ++i) {
    clock.advance(1ms);
    throttle.failed("user99", "10.0.0.99");
  }
  CHECK(throttle.check("user99", "10.0.0.200"));
  CHECK(throttle.entries() <= 10);

  // Quiet for the longest lockout after the last failure and after user99's 30 s lockout:
  // everything goes at the next failure.
  clock.advance(930s);
  throttle.failed("new", "10.0.1.1");
  CHECK(throttle.entries() == 2);
}

TEST_CASE("absurdly long input is throttled under a bounded key", "[staff][throttle]") {
  ThrottleFixture f;
  const std::string huge(100'000, 'x');
  f.fail(huge, "10.0.0.1", 5);
  auto locked = f.throttle.check(huge, "10.0.0.9");
  REQUIRE(locked);
  CHECK(locked->what.size() < 100);
}

TEST_CASE("a count is kept until the lockout is over and then quiet for the longest lockout",
          "[staff][throttle]") {
  ThrottleFixture f;
  f.fail("anna", "10.0.0.1", 9);  // the longest lockout: 30 s * 2^4 = 480 s
  f.clock.advance(480s);
  f.fail("anna", "10.0.0.2");  // 900 s
  REQUIRE(f.throttle.check("anna", "10.0.0.3")->retry_after == 900s);
  f.clock.advance(900s);
  CHECK_FALSE(f.throttle.check("anna", "10.0.0.3"));
  // Right after the longest lockout a guess still costs the longest lockout...
  f.fail("anna", "10.0.0.2");
  CHECK(f.throttle.check("anna", "10.0.0.3")->retry_after == 900s);
  // ...until nothing happened for the longest lockout after it ended.
  f.clock.advance(1800s);
  f.fail("anna", "10.0.0.2");
  CHECK_FALSE(f.throttle.check("anna", "10.0.0.3"));
}
