#pragma once
// What kiosks are sent to catch up, encoded once per position. After a push every connected
// kiosk stands at the same cursor and needs the same frames: reading the sync log and encoding
// the changes once instead of once per kiosk keeps a hundred kiosks as cheap as one. Kiosks get
// their own admissions back too (they ignore them), which is what makes the frames the same.
#include <cstdint>
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

  // Everything after `cursor`. Kept while the sync log does not grow, for every kiosk that asks
  // from the same position.
  HubResult<std::shared_ptr<const FeedMessages>> since(std::string_view cursor);

 private:
  SyncHub& hub_;
  std::int64_t latest_ = -1;  // the sync log's newest id the cache was built at
  std::map<std::string, std::shared_ptr<const FeedMessages>, std::less<>> cache_;
};

}  // namespace einlass
