#include "net/change_feed.h"

#include "hub/sync_hub.h"
#include "sync/frame.h"
#include "sync/messages.h"

namespace einlass {

namespace {

// Positions kiosks stand at are few (most are up to date); this bounds a storm of stragglers.
constexpr std::size_t kMaxCachedPositions = 64;

}  // namespace

HubResult<std::shared_ptr<const FeedMessages>> ChangeFeed::since(std::string_view cursor) {
  auto latest = hub_.latest_change();
  if (!latest) return std::unexpected(latest.error());
  if (*latest != latest_ || cache_.size() >= kMaxCachedPositions) {
    cache_.clear();
    latest_ = *latest;
  }
  if (const auto cached = cache_.find(cursor); cached != cache_.end()) return cached->second;

  // No kiosk id: nobody's own admissions are left out, so every kiosk can share these frames.
  auto messages = hub_.catch_up("", cursor);
  if (!messages) return std::unexpected(messages.error());
  auto feed = std::make_shared<FeedMessages>();
  feed->cursor = std::string(cursor);
  for (const auto& message : *messages) {
    if (!message.changes.cursor.empty()) feed->cursor = message.changes.cursor;
    feed->snapshot = feed->snapshot || message.type == MessageType::snapshot;
    feed->frames.push_back(std::make_shared<const std::string>(
        encode_frame(message.type, encode_changes(message.changes))));
  }
  std::shared_ptr<const FeedMessages> shared = std::move(feed);
  cache_.emplace(std::string(cursor), shared);
  return shared;
}

}  // namespace einlass
