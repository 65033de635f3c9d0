#include "eventlog/hlc.h"

#include <catch2/catch.hpp>

#include "support/time_literals.h"

using namespace einlass;
using namespace std::chrono_literals;
using test::utc;

TEST_CASE("a hybrid clock follows the physical clock while it moves forward", "[eventlog][hlc]") {
  HlcClock clock;
  const auto t = utc(2026, 3, 28, 8, 12);
  CHECK(clock.now(t) == Hlc{to_unix_ms(t), 0});
  CHECK(clock.now(t + 5ms) == Hlc{to_unix_ms(t) + 5, 0});
  CHECK(clock.drift(t + 5ms) == 0ms);
}

TEST_CASE("a hybrid clock counts events within one millisecond", "[eventlog][hlc]") {
  HlcClock clock;
  const auto t = utc(2026, 3, 28, 8, 12);
  const Hlc a = clock.now(t);
  const Hlc b = clock.now(t);
  const Hlc c = clock.now(t);
  CHECK(a < b);
  CHECK(b < c);
  CHECK(c == Hlc{to_unix_ms(t), 2});
}

TEST_CASE("a hybrid clock stays monotonic when the physical clock goes backwards",
          "[eventlog][hlc]") {
  HlcClock clock;
  const auto t = utc(2026, 3, 28, 8, 12);
  const Hlc before = clock.now(t);
  // NTP steps the clock back by ten seconds.
  const Hlc after = clock.now(t - 10s);
  CHECK(before < after);
  CHECK(after == Hlc{to_unix_ms(t), 1});
  CHECK(clock.drift(t - 10s) == 10s);
  // Once the physical clock catches up, stamps follow it again.
  CHECK(clock.now(t + 1s) == Hlc{to_unix_ms(t + 1s), 0});
  CHECK(clock.drift(t + 1s) == 0ms);
}

TEST_CASE("observing a stamp from a clock ahead moves ours past it and reports the skew",
          "[eventlog][hlc]") {
  HlcClock kiosk;
  const auto t = utc(2026, 3, 28, 8, 12);
  kiosk.now(t);
  const Hlc server{to_unix_ms(t + 90s), 4};
  const Hlc seen = kiosk.observe(server, t);
  CHECK(seen == Hlc{to_unix_ms(t + 90s), 5});
  REQUIRE(kiosk.observed_skew().has_value());
  CHECK(*kiosk.observed_skew() == 90s);
  CHECK(kiosk.drift(t) == 90s);
  // The next local event is ordered after what was observed.
  CHECK(kiosk.now(t + 1ms) == Hlc{to_unix_ms(t + 90s), 6});
}

TEST_CASE("observing an older stamp keeps following the local clock", "[eventlog][hlc]") {
  HlcClock kiosk;
  const auto t = utc(2026, 3, 28, 8, 12);
  CHECK(kiosk.observe(Hlc{to_unix_ms(t - 2s), 9}, t) == Hlc{to_unix_ms(t), 0});
  CHECK(kiosk.observed_skew() == std::optional{std::chrono::milliseconds{-2s}});
  // Equal wall parts: continue after the larger counter.
  CHECK(kiosk.observe(Hlc{to_unix_ms(t), 7}, t) == Hlc{to_unix_ms(t), 8});
  CHECK(kiosk.observe(Hlc{to_unix_ms(t), 3}, t) == Hlc{to_unix_ms(t), 9});
}

TEST_CASE("a hybrid clock resumed from its last stamp never repeats one", "[eventlog][hlc]") {
  const auto t = utc(2026, 3, 28, 8, 12);
  HlcClock resumed{Hlc{to_unix_ms(t), 3}};
  CHECK(resumed.now(t - 1s) == Hlc{to_unix_ms(t), 4});
  HlcClock full{Hlc{to_unix_ms(t), 0xFFFF'FFFFu}};
  CHECK(full.now(t) == Hlc{to_unix_ms(t) + 1, 0});
}
