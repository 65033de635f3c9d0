#include "scan/code_debouncer.h"

#include <algorithm>

namespace einlass {

bool CodeDebouncer::accept(std::string_view text, Timestamp seen) {
  // A clock stepped backwards makes every age negative, which counts as "still held"; the entry
  // is refreshed below, so the code is accepted once it stays away for a gap of the new time.
  std::erase_if(last_seen_, [&](const auto& entry) {
    return entry.first != text && seen - entry.second >= repeat_gap_;
  });
  const auto found = last_seen_.find(text);
  if (found == last_seen_.end()) {
    last_seen_.emplace(std::string(text), seen);
    return true;
  }
  const bool is_new = seen - found->second >= repeat_gap_;
  found->second = seen;
  return is_new;
}

}  // namespace einlass
