#pragma once
// What kiosks are sent to catch up, encoded once and shared. After a push every connected kiosk
// needs the same new changes: the feed reads the sync log and encodes them once per round and
// keeps recent rounds, so a kiosk at any recent position gets the rounds after it as shared
// frames, without another read or encoding; a hundred kiosks cost about what one does. Other
// positions (a fresh kiosk, one back from a long absence) are read for that position and kept
// while nothing changes, so kiosks arriving together share one snapshot. Kiosks get their own
// admissions back too (they ignore them): that is what makes the frames the same for all.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hub/hub_error.h"

namespace einlass {

class SyncHub;

// One encoded frame, shared by every connection that sends it.
using SharedFrame = std::shared_ptr<const std::string>;

struct FeedMessages {
  std::vector<SharedFrame> frames;  // changes or snapshot parts, in order; empty when up to date
  std::string cursor;               // where a kiosk stands after all of them
  bool snapshot = false;
};

class ChangeFeed {
 public:
  explicit ChangeFeed(SyncHub& hub) : hub_(hub) {}

  // Everything after `cursor`.
  HubResult<std::shared_ptr<const FeedMessages>> since(std::string_view cursor);

 private:
  struct Round {
    std::string from;  // the cursor it continues from
    std::vector<SharedFrame> frames;
    std::size_t bytes = 0;
  };

  HubResult<void> extend(std::int64_t latest);
  std::shared_ptr<const FeedMessages> from_rounds(std::string_view cursor) const;
  HubResult<std::shared_ptr<const FeedMessages>> read(std::string_view cursor);

  SyncHub& hub_;
  std::int64_t latest_ = -1;  // the newest sync log id seen
  // Recent rounds, oldest first, ending at head_ (the cursor of the newest change they hold).
  std::deque<Round> rounds_;
  std::size_t round_bytes_ = 0;
  std::string head_;
  // Other positions, read at latest_; emptied when the sync log grows.
  std::map<std::string, std::shared_ptr<const FeedMessages>, std::less<>> positions_;
};

}  // namespace einlass
