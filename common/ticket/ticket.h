#pragma once
// What a ticket says. A ticket is issued and signed by the server and verified offline by kiosks.
#include <cstdint>
#include <expected>
#include <optional>
#include <string>
#include <string_view>

#include "base/time.h"

namespace einlass {

using EventId = std::uint32_t;
using TicketId = std::uint32_t;
using KeyId = std::uint8_t;
using CategoryCode = std::uint8_t;
// Bit d-1 set = valid on event day d (days are numbered from 1; at most 32 days).
using DayMask = std::uint32_t;

inline constexpr std::uint8_t kTicketFormatVersion = 1;
inline constexpr int kMaxEventDays = 32;

struct Ticket {
  KeyId key_id = 0;
  EventId event_id = 0;
  TicketId ticket_id = 0;
  CategoryCode category = 0;
  DayMask days = 0;
  // Optional time window, minute resolution (seconds are dropped when encoded).
  std::optional<Timestamp> valid_from;
  std::optional<Timestamp> valid_until;
  // Badge fields carried by the ticket so a kiosk can print for someone it never synced.
  // Empty means absent.
  std::string display_name;
  std::string organisation;

  bool operator==(const Ticket&) const = default;
};

// "T000042": how ticket ids appear in logs and on screens.
std::string format_ticket_id(TicketId id);
// "T000042", "t42" or "42" -> 42; an error that quotes the text otherwise.
std::expected<TicketId, std::string> parse_ticket_id(std::string_view text);

}  // namespace einlass
