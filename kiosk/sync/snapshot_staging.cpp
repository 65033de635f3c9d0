#include "sync/snapshot_staging.h"

#include <iterator>
#include <utility>

namespace einlass {

namespace {

template <class T>
void append(std::vector<T>& to, std::vector<T>&& from) {
  if (to.empty()) {
    to = std::move(from);
    return;
  }
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

std::optional<StagedSnapshot> SnapshotStaging::add(Changes&& part) {
  if (!staged_) staged_.emplace();
  // Removals and withdrawals mean nothing in a snapshot: what it leaves out is gone.
  if (part.config) staged_->config = std::move(part.config);
  append(staged_->attendees, std::move(part.attendees));
  append(staged_->revocations, std::move(part.revocations));
  append(staged_->admissions, std::move(part.admissions));
  if (part.more) return std::nullopt;
  staged_->cursor = std::move(part.cursor);
  std::optional<StagedSnapshot> whole = std::move(staged_);
  staged_.reset();
  return whole;
}

}  // namespace einlass
