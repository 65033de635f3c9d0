#pragma once
// What the page sends back over the WebSocket while staff mode is open, as JSON objects with a
// "type": {"type":"pin","pin":"1234"}, {"type":"search","query":"Müller"}, ... The page runs in
// a browser anyone at the kiosk can touch, so every message is checked before the kiosk acts.
#include <cstddef>
#include <expected>
#include <string>
#include <string_view>
#include <variant>

namespace einlass {

struct EnterPin {
  std::string pin;  // 4 to 8 ASCII digits; never logged
  bool operator==(const EnterPin&) const = default;
};
struct ReprintLast {
  bool operator==(const ReprintLast&) const = default;
};
struct SearchAttendees {
  std::string query;  // trimmed, 1 to kMaxSearchQueryChars characters
  bool operator==(const SearchAttendees&) const = default;
};
struct ReprintTicket {
  std::string ticket_id;  // as shown in search results ("T000042")
  bool operator==(const ReprintTicket&) const = default;
};
struct PrintTestPage {
  bool operator==(const PrintTestPage&) const = default;
};
struct PauseKiosk {
  bool operator==(const PauseKiosk&) const = default;
};
struct ResumeKiosk {
  bool operator==(const ResumeKiosk&) const = default;
};
// Back from the search results to the staff menu.
struct ShowStaffMenu {
  bool operator==(const ShowStaffMenu&) const = default;
};
struct LeaveStaff {
  bool operator==(const LeaveStaff&) const = default;
};

using StaffCommand =
    std::variant<EnterPin, ReprintLast, SearchAttendees, ReprintTicket, PrintTestPage, PauseKiosk,
                 ResumeKiosk, ShowStaffMenu, LeaveStaff>;

inline constexpr std::size_t kMaxStaffCommandBytes = 1024;
inline constexpr std::size_t kMaxSearchQueryChars = 100;
inline constexpr std::size_t kMaxTicketIdChars = 32;

// The command, or why the message was not one ("unknown command type \"reboot\"", "pin: must be
// 4 to 8 digits"). Error texts never echo a PIN.
std::expected<StaffCommand, std::string> parse_staff_command(std::string_view json_text);

// "pin", "reprint_last", "search", "reprint", "test_page", "pause", "resume", "menu",
// "leave_staff": the "type" of the JSON message; safe to log.
std::string_view command_type(const StaffCommand& command);

}  // namespace einlass
