#pragma once
// What the desk staff see of a kiosk's refusals: how many of each reason since the daemon started,
// and the newest few with the ticket they were for. In memory only: a restart starts from zero
// (the counts are a Prometheus counter, which may reset), and nothing is written on the hot path.
#include <array>
#include <cstdint>
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
  // this event (a forged or foreign code has no ticket id worth showing). Allocates nothing: it
  // runs on every scan, the words are made only for the heartbeat.
  void note(const Decision& decision, Timestamp decided);

  // By reason word ("already_admitted"); reasons never seen are left out.
  std::map<std::string, std::uint64_t> counts() const;
  // At most kMaxRecentRefusals, newest first.
  std::vector<RefusalNote> recent() const;

 private:
  struct Refusal {
    Reason reason = Reason::error;
    std::optional<TicketId> ticket;
    std::int64_t at_ms = 0;
  };

  std::array<std::uint64_t, kAllReasons.size()> counts_{};  // indexed by Reason
  std::array<Refusal, kMaxRecentRefusals> recent_{};        // a ring; next_ is the oldest when full
  std::size_t next_ = 0;
  std::size_t noted_ = 0;  // how many of recent_ are filled
};

}  // namespace einlass
