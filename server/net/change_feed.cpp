#include "net/change_feed.h"

#include "hub/sync_cursor.h"
#include "hub/sync_hub.h"
#include "sync/frame.h"
#include "sync/messages.h"

namespace einlass {

namespace {

// Kept rounds: a kiosk further behind than these is read for its own position.
constexpr std::size_t kMaxRounds = 1024;
constexpr std::size_t kMaxRoundBytes = 32u << 20;
// Positions kiosks stand at besides the rounds' are few; this bounds a storm of stragglers.
constexpr std::size_t kMaxPositions = 64;

std::shared_ptr<FeedMessages> encode(const std::vector<OutgoingChanges>& messages,
                                     std::string_view cursor) {
  auto feed = std::make_shared<FeedMessages>();
  feed->cursor = std::string(cursor);
  for (const auto& message : messages) {
    if (!message.changes.cursor.empty()) feed->cursor = message.changes.cursor;
    feed->snapshot = feed->snapshot || message.type == MessageType::snapshot;
    feed->frames.push_back(std::make_shared<const std::string>(
        encode_frame(message.type, encode_changes(message.changes))));
  }
  return feed;
}

}  // namespace

HubResult<std::shared_ptr<const FeedMessages>> ChangeFeed::since(std::string_view cursor) {
  auto latest = hub_.latest_change();
  if (!latest) return std::unexpected(latest.error());
  if (*latest != latest_) {
    positions_.clear();
    if (auto extended = extend(*latest); !extended) return std::unexpected(extended.error());
    latest_ = *latest;
  }
  if (auto shared = from_rounds(cursor)) return shared;
  if (const auto known = positions_.find(cursor); known != positions_.end()) return known->second;
  return read(cursor);
}

// Reads what happened since head_ as one more round. A round too large to replay (the hub then
// answers with a snapshot) starts the history afresh.
HubResult<void> ChangeFeed::extend(std::int64_t latest) {
  if (head_.empty()) return {};
  const auto head = parse_cursor(head_);
  if (head && head->position >= latest) return {};
  auto messages = hub_.catch_up("", head_);
  if (!messages) return std::unexpected(messages.error());
  const auto feed = encode(*messages, head_);
  if (feed->snapshot) {
    rounds_.clear();
    round_bytes_ = 0;
    head_ = feed->cursor;
    return {};
  }
  if (feed->frames.empty()) return {};
  Round round{head_, feed->frames, 0};
  for (const auto& frame : round.frames) round.bytes += frame->size();
  round_bytes_ += round.bytes;
  rounds_.push_back(std::move(round));
  head_ = feed->cursor;
  while (rounds_.size() > kMaxRounds || round_bytes_ > kMaxRoundBytes) {
    round_bytes_ -= rounds_.front().bytes;
    rounds_.pop_front();
  }
  return {};
}

std::shared_ptr<const FeedMessages> ChangeFeed::from_rounds(std::string_view cursor) const {
  if (head_.empty()) return nullptr;
  if (cursor == head_) {
    auto current = std::make_shared<FeedMessages>();
    current->cursor = head_;
    return current;
  }
  for (auto round = rounds_.begin(); round != rounds_.end(); ++round) {
    if (round->from != cursor) continue;
    auto feed = std::make_shared<FeedMessages>();
    feed->cursor = head_;
    for (auto later = round; later != rounds_.end(); ++later)
      feed->frames.insert(feed->frames.end(), later->frames.begin(), later->frames.end());
    return feed;
  }
  return nullptr;
}

HubResult<std::shared_ptr<const FeedMessages>> ChangeFeed::read(std::string_view cursor) {
  // No kiosk id: nobody's own admissions are left out, so every kiosk can share these frames.
  auto messages = hub_.catch_up("", cursor);
  if (!messages) return std::unexpected(messages.error());
  std::shared_ptr<const FeedMessages> feed = encode(*messages, cursor);
  // The first position read at the newest change anchors the rounds to come.
  if (head_.empty() && !feed->cursor.empty()) head_ = feed->cursor;
  if (positions_.size() >= kMaxPositions) positions_.clear();
  positions_.emplace(std::string(cursor), feed);
  return feed;
}

}  // namespace einlass
