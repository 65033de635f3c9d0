#include "base/time.h"

#include <catch2/catch.hpp>

#include "support/time_literals.h"

using namespace einlass;

TEST_CASE("UTC instants format as ISO 8601 with milliseconds", "[base]") {
  CHECK(format_utc(test::utc(2026, 3, 29, 7, 5, 9)) == "2026-03-29T07:05:09.000Z");
  CHECK(to_unix_ms(from_unix_ms(1'700'000'000'123)) == 1'700'000'000'123);
}

TEST_CASE("a manual clock moves only when told", "[base]") {
  ManualClock clock{test::utc(2026, 1, 1)};
  clock.advance(std::chrono::seconds{90});
  CHECK(clock.now() == test::utc(2026, 1, 1, 0, 1, 30));
}
