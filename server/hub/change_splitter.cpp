#include "hub/change_splitter.h"

namespace einlass {

Changes& ChangeSplitter::current() {
  if (messages_.empty()) {
    messages_.push_back({type_, {}});
    messages_.back().changes.server_time_ms = server_time_ms_;
    entries_in_current_ = 0;
  }
  return messages_.back().changes;
}

Changes& ChangeSplitter::add_entry(std::string cursor) {
  if (!messages_.empty() && entries_in_current_ == kMaxChangeEntries) {
    messages_.push_back({type_, {}});
    messages_.back().changes.server_time_ms = server_time_ms_;
    entries_in_current_ = 0;
  }
  Changes& changes = current();
  ++entries_in_current_;
  changes.cursor = std::move(cursor);
  return changes;
}

std::vector<OutgoingChanges> ChangeSplitter::finish(std::string final_cursor) {
  current();
  for (auto& message : messages_) message.changes.more = true;
  messages_.back().changes.more = false;
  messages_.back().changes.cursor = std::move(final_cursor);
  return std::move(messages_);
}

}  // namespace einlass
