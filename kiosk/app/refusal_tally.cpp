#include "app/refusal_tally.h"

namespace einlass {

void RefusalTally::note(const Decision& decision, Timestamp decided) {
  if (decision.admitted || !decision.reason) return;
  // refuse_unverified leaves the ticket id at 0: the code was not a ticket of this event.
  const std::optional<TicketId> ticket =
      decision.ticket_id != 0 ? std::optional<TicketId>(decision.ticket_id) : std::nullopt;
  note(*decision.reason, ticket, decided);
}

void RefusalTally::note(Reason reason, std::optional<TicketId> ticket, Timestamp decided) {
  const std::string word(to_string(reason));
  ++counts_[word];
  recent_.push_front(RefusalNote{ticket, word, to_unix_ms(decided)});
  if (recent_.size() > kMaxRecentRefusals) recent_.pop_back();
}

}  // namespace einlass
