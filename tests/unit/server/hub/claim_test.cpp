#include <catch2/catch.hpp>

#include "hub_fixture.h"

using namespace einlass;
using namespace std::chrono_literals;
using test::entry;
using test::HubFixture;

namespace {

ClaimResult claim(HubFixture& f, std::string_view kiosk, TicketId ticket, int day = 1,
                  std::uint32_t request = 1) {
  auto result = f.hub.claim(kiosk, Claim{request, ticket, day});
  if (!result) FAIL(result.error().message);
  return *result;
}

}  // namespace

TEST_CASE("scenario 3: the same ticket at another kiosk while both are online is refused",
          "[hub][claim]") {
  HubFixture f;
  auto first = claim(f, "K1", 1, 1, 17);
  CHECK(first.granted);
  CHECK(first.request == 17);

  // K1 has not pushed its admission yet: K2 is told K1 holds it.
  auto second = claim(f, "K2", 1);
  CHECK_FALSE(second.granted);
  CHECK(second.claimed_by == "K1");
  CHECK(second.admissions.empty());
  CHECK(claim(f, "K1", 1).granted);  // the same kiosk asking again

  // K1 pushes the admission: from now on the stored events decide, with them in the answer.
  REQUIRE(f.hub.push("K1", Push{{entry("K1", 1, 1, 0)}}));
  auto third = claim(f, "K2", 1);
  CHECK_FALSE(third.granted);
  CHECK(third.claimed_by.empty());
  REQUIRE(third.admissions.size() == 1);
  CHECK(third.admissions[0].key == EventKey{"K1", 1});
  CHECK_FALSE(claim(f, "K1", 1).granted);  // used up for K1 too

  CHECK(claim(f, "K2", 1, 2).granted);  // the next day is another day
  CHECK(claim(f, "K2", 2).granted);     // another ticket
}

TEST_CASE("a claim not followed by an admission lapses after 10 s", "[hub][claim]") {
  HubFixture f;
  CHECK(claim(f, "K1", 2).granted);
  f.clock.advance(9s);
  CHECK(claim(f, "K2", 2).claimed_by == "K1");
  f.clock.advance(1s);
  CHECK(claim(f, "K2", 2).granted);
  CHECK(claim(f, "K1", 2).claimed_by == "K2");
}

TEST_CASE("an exit gives the ticket back only under allow_after_exit", "[hub][claim]") {
  SECTION("deny: one entry per day") {
    HubFixture f(ReentryPolicy::deny);
    REQUIRE(
        f.hub.push("K1", Push{{entry("K1", 1, 1, 0), entry("K1", 2, 1, 30, AdmissionKind::exit)}}));
    auto refused = claim(f, "K2", 1);
    CHECK_FALSE(refused.granted);
    CHECK(refused.admissions.size() == 2);
  }
  SECTION("allow_after_exit: an exited holder may enter again, one on site may not") {
    HubFixture f(ReentryPolicy::allow_after_exit);
    REQUIRE(f.hub.push("K1", Push{{entry("K1", 1, 1, 0)}}));
    CHECK_FALSE(claim(f, "K2", 1).granted);
    REQUIRE(f.hub.push("K3", Push{{entry("K3", 1, 1, 30, AdmissionKind::exit)}}));
    CHECK(claim(f, "K2", 1).granted);
  }
}
