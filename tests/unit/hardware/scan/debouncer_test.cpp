#include "scan/code_debouncer.h"

#include <catch2/catch.hpp>

#include "support/time_literals.h"

using namespace einlass;
using namespace std::chrono_literals;

TEST_CASE("a code held in front of the camera is accepted once", "[scan][debounce]") {
  CodeDebouncer debouncer;
  const auto start = test::utc(2026, 3, 28, 8, 0);
  CHECK(debouncer.accept("EINLASS:A", start));
  // Thirty frames a second for three seconds.
  int accepted = 0;
  for (int frame = 1; frame < 90; ++frame)
    accepted += debouncer.accept("EINLASS:A", start + frame * 33ms) ? 1 : 0;
  CHECK(accepted == 0);
}

TEST_CASE("a code shown again after being away for the gap is accepted again", "[scan][debounce]") {
  CodeDebouncer debouncer(1500ms);
  const auto start = test::utc(2026, 3, 28, 8, 0);
  CHECK(debouncer.accept("EINLASS:A", start));
  CHECK_FALSE(debouncer.accept("EINLASS:A", start + 1000ms));
  // Last seen at +1000 ms: away 1499 ms is not yet a gap, 1500 ms is.
  CHECK_FALSE(debouncer.accept("EINLASS:A", start + 2499ms));
  CHECK(debouncer.accept("EINLASS:A", start + 2499ms + 1500ms));
}

TEST_CASE("absence is measured from the last sighting, not the first", "[scan][debounce]") {
  CodeDebouncer debouncer(1500ms);
  const auto start = test::utc(2026, 3, 28, 8, 0);
  CHECK(debouncer.accept("EINLASS:A", start));
  // Held for ten seconds with a sighting every second (the decoder misses frames in between).
  for (int second = 1; second <= 10; ++second)
    CHECK_FALSE(debouncer.accept("EINLASS:A", start + second * 1000ms));
}

TEST_CASE("different codes are independent of each other", "[scan][debounce]") {
  CodeDebouncer debouncer(1500ms);
  const auto start = test::utc(2026, 3, 28, 8, 0);
  CHECK(debouncer.accept("EINLASS:A", start));
  CHECK(debouncer.accept("EINLASS:B", start + 100ms));
  CHECK_FALSE(debouncer.accept("EINLASS:A", start + 200ms));
  CHECK_FALSE(debouncer.accept("EINLASS:B", start + 300ms));
  // A comes back after the gap while B was shown in between.
  CHECK(debouncer.accept("EINLASS:A", start + 200ms + 1600ms));
}

TEST_CASE("a gap of zero accepts every sighting", "[scan][debounce]") {
  CodeDebouncer debouncer(0ms);
  const auto start = test::utc(2026, 3, 28, 8, 0);
  CHECK(debouncer.accept("EINLASS:A", start));
  CHECK(debouncer.accept("EINLASS:A", start));
  CHECK(debouncer.accept("EINLASS:A", start + 1ms));
}

TEST_CASE("a clock stepped back does not make a held code new", "[scan][debounce]") {
  CodeDebouncer debouncer(1500ms);
  const auto start = test::utc(2026, 3, 28, 8, 0);
  CHECK(debouncer.accept("EINLASS:A", start));
  CHECK_FALSE(debouncer.accept("EINLASS:A", start - 60'000ms));
  CHECK_FALSE(debouncer.accept("EINLASS:A", start - 59'000ms));
  CHECK(debouncer.accept("EINLASS:A", start - 59'000ms + 1500ms));
}
