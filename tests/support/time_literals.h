#pragma once
// Builds instants from readable UTC wall times for tests: utc(2026, 3, 29, 7, 15).
#include "base/time.h"

namespace einlass::test {

inline Timestamp utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
  using namespace std::chrono;
  const sys_days date = sys_days{year{y} / month{mo} / std::chrono::day{d}};
  return time_point_cast<milliseconds>(date + hours{h} + minutes{mi} + seconds{s});
}

}  // namespace einlass::test
