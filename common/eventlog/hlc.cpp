#include "eventlog/hlc.h"

#include <algorithm>
#include <limits>

namespace einlass {

namespace {

// The counter only grows while the physical clock stands still or lags; should it ever run out,
// moving the wall part one millisecond on keeps the order without wrapping.
Hlc next_after(Hlc stamp) {
  if (stamp.logical == std::numeric_limits<std::uint32_t>::max()) return Hlc{stamp.wall_ms + 1, 0};
  return Hlc{stamp.wall_ms, stamp.logical + 1};
}

}  // namespace

Hlc HlcClock::now(Timestamp physical) {
  const std::int64_t pt = to_unix_ms(physical);
  last_ = pt > last_.wall_ms ? Hlc{pt, 0} : next_after(last_);
  return last_;
}

Hlc HlcClock::observe(Hlc remote, Timestamp physical) {
  const std::int64_t pt = to_unix_ms(physical);
  observed_skew_ = std::chrono::milliseconds{remote.wall_ms - pt};
  const std::int64_t wall = std::max({last_.wall_ms, remote.wall_ms, pt});
  if (wall == pt && wall > last_.wall_ms && wall > remote.wall_ms) {
    last_ = Hlc{wall, 0};
  } else {
    // Same rule as the paper's case analysis: continue from the larger stamp with that wall time.
    Hlc base{wall, 0};
    if (last_.wall_ms == wall) base = std::max(base, last_);
    if (remote.wall_ms == wall) base = std::max(base, remote);
    last_ = next_after(base);
  }
  return last_;
}

std::chrono::milliseconds HlcClock::drift(Timestamp physical) const {
  return std::chrono::milliseconds{std::max<std::int64_t>(0, last_.wall_ms - to_unix_ms(physical))};
}

}  // namespace einlass
