#pragma once
// Hybrid logical clock (Kulkarni et al., 2014): stamps that follow the physical clock where it is
// right, never go backwards when it is wrong, and order an event after everything its kiosk had
// seen. The server orders events from all kiosks by these stamps (scenario 23).
#include <chrono>
#include <optional>

#include "base/time.h"
#include "eventlog/admission_event.h"

namespace einlass {

class HlcClock {
 public:
  HlcClock() = default;
  // Resumes after a restart from the last stamp written, so stamps stay monotonic across it.
  explicit HlcClock(Hlc last) : last_(last) {}

  // A stamp for a local event at physical time `physical`.
  Hlc now(Timestamp physical);
  // Takes in a stamp received from elsewhere; returns a stamp after both it and our last one.
  Hlc observe(Hlc remote, Timestamp physical);

  Hlc last() const { return last_; }

  // How far our stamps run ahead of the physical clock: non-zero when the physical clock went
  // backwards or a remote clock ahead of ours pulled us forward.
  std::chrono::milliseconds drift(Timestamp physical) const;
  // The remote's wall time minus our physical time at the last observe(): positive when the other
  // side's clock is ahead. A kiosk reports this against the server's stamps.
  std::optional<std::chrono::milliseconds> observed_skew() const { return observed_skew_; }

 private:
  Hlc last_;
  std::optional<std::chrono::milliseconds> observed_skew_;
};

}  // namespace einlass
