#pragma once
// What the desk staff see of a kiosk's refusals: how many of each reason since the daemon started,
// and the newest few with the ticket they were for. In memory only: a restart starts from zero
// (the counts are a Prometheus counter, which may reset), and nothing is written on the hot path.
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "rules/decide.h"
#include "sync/messages.h"

namespace einlass {

class RefusalTally {
 public:
  // Counts a refused decision made at `decided` (the kiosk's clock); admissions and exits are
  // not refusals and are ignored. The ticket is named only when the code verified as a ticket of
  // this event (a forged or foreign code has no ticket id worth showing).
  void note(const Decision& decision, Timestamp decided);
  void note(Reason reason, std::optional<TicketId> ticket, Timestamp decided);

  // By reason word ("already_admitted"); reasons never seen are left out.
  const std::map<std::string, std::uint64_t>& counts() const { return counts_; }
  // At most kMaxRecentRefusals, newest first.
  std::vector<RefusalNote> recent() const { return {recent_.begin(), recent_.end()}; }

 private:
  std::map<std::string, std::uint64_t> counts_;
  std::deque<RefusalNote> recent_;  // newest at the front
};

}  // namespace einlass
