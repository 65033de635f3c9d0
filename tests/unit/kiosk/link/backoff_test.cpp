#include <catch2/catch.hpp>

#include <chrono>

#include "link/sync_client.h"

using namespace einlass;
using namespace std::chrono_literals;

TEST_CASE("reconnect pauses double from the minimum up to the maximum", "[kiosk_link]") {
  CHECK(backoff_delay(0, 500ms, 30s, 1.0) == 500ms);
  CHECK(backoff_delay(1, 500ms, 30s, 1.0) == 1000ms);
  CHECK(backoff_delay(2, 500ms, 30s, 1.0) == 2000ms);
  CHECK(backoff_delay(5, 500ms, 30s, 1.0) == 16000ms);
  CHECK(backoff_delay(6, 500ms, 30s, 1.0) == 30000ms);  // 32 s, capped
  CHECK(backoff_delay(7, 500ms, 30s, 1.0) == 30000ms);
  // A kiosk offline all weekend keeps counting attempts: no overflow, still the maximum.
  CHECK(backoff_delay(10'000, 500ms, 30s, 1.0) == 30000ms);
}

TEST_CASE("jitter scales the pause by 0.5 to 1 and no further", "[kiosk_link]") {
  CHECK(backoff_delay(2, 500ms, 30s, 0.5) == 1000ms);
  CHECK(backoff_delay(2, 500ms, 30s, 0.75) == 1500ms);
  CHECK(backoff_delay(6, 500ms, 30s, 0.5) == 15000ms);
  CHECK(backoff_delay(2, 500ms, 30s, 0.0) == 1000ms);   // clamped up to 0.5
  CHECK(backoff_delay(2, 500ms, 30s, -3.0) == 1000ms);  // clamped up to 0.5
  CHECK(backoff_delay(2, 500ms, 30s, 2.0) == 2000ms);   // clamped down to 1
  CHECK(backoff_delay(6, 500ms, 30s, 1.7) == 30000ms);  // never above the maximum
}
