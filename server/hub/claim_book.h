#pragma once
// Short holds on (ticket, day) for kiosks the server granted a claim (scenario 3): between the
// grant and the push that reports the admission, another kiosk asking for the same ticket is
// refused. A hold ends when that push arrives or after kClaimHold, so a kiosk that crashed after
// its claim blocks nobody for long. In memory only: after a server restart the stored
// admissions decide, and the kiosks' own rules catch the rest.
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/time.h"
#include "ticket/ticket.h"

namespace einlass {

inline constexpr std::chrono::milliseconds kClaimHold{10'000};

class ClaimBook {
 public:
  // The other kiosk holding ticket and day at `now`, or nullopt after reserving it for `kiosk`
  // (again, when it holds it already: its hold starts anew).
  std::optional<std::string> reserve(std::string_view kiosk, TicketId ticket, int day,
                                     Timestamp now);
  // The kiosk reported its admission: the stored events decide from now on.
  void release(std::string_view kiosk, TicketId ticket, int day);
  std::size_t size() const { return holds_.size(); }

 private:
  struct Hold {
    std::string kiosk;
    Timestamp until{};
  };
  void drop_expired(Timestamp now);

  std::map<std::pair<TicketId, int>, Hold> holds_;
};

}  // namespace einlass
