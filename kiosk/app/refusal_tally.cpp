#include "app/refusal_tally.h"

namespace einlass {

// counts_ is indexed by the enum's value.
static_assert(static_cast<std::size_t>(kAllReasons.back()) + 1 == kAllReasons.size());

void RefusalTally::note(const Decision& decision, Timestamp decided) {
  if (decision.admitted || !decision.reason) return;
  const Reason reason = *decision.reason;
  ++counts_[static_cast<std::size_t>(reason)];
  // refuse_unverified leaves the ticket id at 0: the code was not a ticket of this event.
  const std::optional<TicketId> ticket =
      decision.ticket_id != 0 ? std::optional<TicketId>(decision.ticket_id) : std::nullopt;
  recent_[next_] = Refusal{reason, ticket, to_unix_ms(decided)};
  next_ = (next_ + 1) % recent_.size();
  if (noted_ < recent_.size()) ++noted_;
}

std::map<std::string, std::uint64_t> RefusalTally::counts() const {
  std::map<std::string, std::uint64_t> words;
  for (const Reason reason : kAllReasons) {
    if (const auto count = counts_[static_cast<std::size_t>(reason)]; count != 0)
      words.emplace(to_string(reason), count);
  }
  return words;
}

std::vector<RefusalNote> RefusalTally::recent() const {
  std::vector<RefusalNote> notes;
  notes.reserve(noted_);
  for (std::size_t i = 1; i <= noted_; ++i) {
    const Refusal& r = recent_[(next_ + recent_.size() - i) % recent_.size()];
    notes.push_back(RefusalNote{r.ticket, std::string(to_string(r.reason)), r.at_ms});
  }
  return notes;
}

}  // namespace einlass
