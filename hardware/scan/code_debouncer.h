#pragma once
// A camera sees a held ticket thirty times a second; the kiosk must decide it once. The same
// code counts again only after it has been out of sight for `repeat_gap` (the attendee left and
// came back, or a second person shows a copy), measured on frame timestamps.
#include <chrono>
#include <map>
#include <string>
#include <string_view>

#include "base/time.h"

namespace einlass {

inline constexpr std::chrono::milliseconds kDefaultRepeatGap{1500};

class CodeDebouncer {
 public:
  explicit CodeDebouncer(std::chrono::milliseconds repeat_gap = kDefaultRepeatGap)
      : repeat_gap_(repeat_gap) {}

  // `text` was read from a frame taken at `seen`: true when it is new (not seen within the
  // last repeat_gap), false while it is still being held up. Frames without a code need no
  // call: absence is measured from the last time a code was seen, so a few frames in which the
  // decoder misses a held code do not make it new again.
  bool accept(std::string_view text, Timestamp seen);

  std::chrono::milliseconds repeat_gap() const { return repeat_gap_; }

 private:
  std::chrono::milliseconds repeat_gap_;
  // Codes seen within the last repeat_gap, with when they were last seen. Older entries are
  // dropped on each call, so this holds a handful at most.
  std::map<std::string, Timestamp, std::less<>> last_seen_;
};

}  // namespace einlass
