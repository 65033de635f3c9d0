#pragma once
// The event most tests use: "Digitaler Staat 2026", two days from Saturday 2026-03-28 in
// Europe/Berlin (the second day is the spring daylight-saving change), default categories.
#include "event/event_config.h"

namespace einlass::test {

inline EventConfig sample_event() {
  EventConfig e;
  e.id = 2026;
  e.name = "Digitaler Staat 2026";
  e.first_day = std::chrono::year{2026} / 3 / 28;
  e.day_count = 2;
  e.reentry = ReentryPolicy::deny;
  return e;
}

}  // namespace einlass::test
