#pragma once
// Admission events: append-only facts written by kiosks (and staff), identified by
// (kiosk id, sequence number) and ordered by a hybrid logical clock.
#include <compare>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include "base/time.h"
#include "ticket/ticket.h"

namespace einlass {

// Hybrid logical clock stamp: physical milliseconds plus a counter for events in the same ms or
// behind a clock that is ahead of ours.
struct Hlc {
  std::int64_t wall_ms = 0;
  std::uint32_t logical = 0;
  auto operator<=>(const Hlc&) const = default;
};

struct EventKey {
  std::string kiosk_id;
  std::uint64_t seq = 0;
  auto operator<=>(const EventKey&) const = default;
};

enum class AdmissionKind {
  entry,         // admitted by a kiosk's own decision
  exit,          // exit scan: never uses up a ticket
  manual_entry,  // staff admitted by hand, with who and why
};

struct AdmissionEvent {
  EventKey key;
  TicketId ticket_id = 0;
  AdmissionKind kind = AdmissionKind::entry;
  Timestamp scan_time{};
  Hlc hlc;
  int event_day = 0;   // 1-based day of the event, in the event's time zone
  std::string staff;   // manual entries: who
  std::string reason;  // manual entries: why

  bool operator==(const AdmissionEvent&) const = default;
};

std::string_view to_string(AdmissionKind kind);

// A kiosk id ("K1", "entrance-north"): 1 to 32 letters, digits, '-' and '_', so it is safe in
// file names, log lines and badge codes. The error says which rule the text breaks.
std::expected<void, std::string> check_kiosk_id(std::string_view kiosk_id);

// The kiosk id the server records the desk's manual admissions under: no kiosk may have it
// (provision-kiosk refuses it, the server refuses a kiosk that says it is it).
inline constexpr std::string_view kDeskKioskId = "desk";

}  // namespace einlass
