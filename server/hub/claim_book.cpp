#include "hub/claim_book.h"

#include <iterator>

namespace einlass {

namespace {
// Expired holds are dropped in bulk past this many, so the book stays small without a sweep on
// every claim.
constexpr std::size_t kSweepAbove = 4096;
}  // namespace

std::optional<std::string> ClaimBook::reserve(std::string_view kiosk, TicketId ticket, int day,
                                              Timestamp now) {
  if (holds_.size() > kSweepAbove) drop_expired(now);
  auto [it, inserted] = holds_.try_emplace({ticket, day});
  Hold& hold = it->second;
  if (!inserted && hold.kiosk != kiosk && hold.until > now) return hold.kiosk;
  hold.kiosk = std::string(kiosk);
  hold.until = now + kClaimHold;
  return std::nullopt;
}

void ClaimBook::release(std::string_view kiosk, TicketId ticket, int day) {
  const auto it = holds_.find({ticket, day});
  if (it != holds_.end() && it->second.kiosk == kiosk) holds_.erase(it);
}

void ClaimBook::drop_expired(Timestamp now) {
  std::erase_if(holds_, [now](const auto& entry) { return entry.second.until <= now; });
}

}  // namespace einlass
