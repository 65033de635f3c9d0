#include "screen/staff_command.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <type_traits>

#include "base/text.h"

namespace einlass {

namespace {

using nlohmann::json;
using Parsed = std::expected<StaffCommand, std::string>;

std::unexpected<std::string> fail(std::string message) {
  return std::unexpected(std::move(message));
}

// The string member `field`, or an error naming it.
std::expected<std::string, std::string> string_field(const json& message, std::string_view type,
                                                     const char* field) {
  const auto it = message.find(field);
  if (it == message.end()) {
    return fail(std::string{type} + ": missing field \"" + field + "\"");
  }
  if (!it->is_string()) {
    return fail(std::string{type} + ": field \"" + field + "\" must be a string");
  }
  return it->get<std::string>();
}

Parsed parse_pin(const json& message) {
  auto pin = string_field(message, "pin", "pin");
  if (!pin) return fail(pin.error());
  const bool digits =
      std::all_of(pin->begin(), pin->end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits || pin->size() < 4 || pin->size() > 8) {
    return fail("pin: must be 4 to 8 digits");
  }
  return EnterPin{std::move(*pin)};
}

Parsed parse_search(const json& message) {
  auto query = string_field(message, "search", "query");
  if (!query) return fail(query.error());
  const std::string trimmed{trim(*query)};
  if (trimmed.empty()) return fail("search: query is empty");
  if (contains_control_character(trimmed)) return fail("search: query holds control characters");
  const auto chars = decode_utf8(trimmed);
  if (!chars) return fail("search: query is not UTF-8");
  if (chars->size() > kMaxSearchQueryChars) {
    return fail("search: query is longer than " + std::to_string(kMaxSearchQueryChars) +
                " characters");
  }
  return SearchAttendees{trimmed};
}

Parsed parse_reprint(const json& message) {
  auto id = string_field(message, "reprint", "ticket_id");
  if (!id) return fail(id.error());
  const bool plain = std::all_of(id->begin(), id->end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' ||
           c == '_';
  });
  if (id->empty() || id->size() > kMaxTicketIdChars || !plain) {
    return fail("reprint: ticket_id must be 1 to " + std::to_string(kMaxTicketIdChars) +
                " letters, digits, '-' or '_'");
  }
  return ReprintTicket{std::move(*id)};
}

template <class T>
constexpr std::string_view type_of() {
  if constexpr (std::is_same_v<T, EnterPin>) return "pin";
  if constexpr (std::is_same_v<T, ReprintLast>) return "reprint_last";
  if constexpr (std::is_same_v<T, SearchAttendees>) return "search";
  if constexpr (std::is_same_v<T, ReprintTicket>) return "reprint";
  if constexpr (std::is_same_v<T, PrintTestPage>) return "test_page";
  if constexpr (std::is_same_v<T, PauseKiosk>) return "pause";
  if constexpr (std::is_same_v<T, ResumeKiosk>) return "resume";
  if constexpr (std::is_same_v<T, ShowStaffMenu>) return "menu";
  if constexpr (std::is_same_v<T, LeaveStaff>) return "leave_staff";
}

// Commands without fields.
std::optional<StaffCommand> bare_command(std::string_view type) {
  if (type == type_of<ReprintLast>()) return ReprintLast{};
  if (type == type_of<PrintTestPage>()) return PrintTestPage{};
  if (type == type_of<PauseKiosk>()) return PauseKiosk{};
  if (type == type_of<ResumeKiosk>()) return ResumeKiosk{};
  if (type == type_of<ShowStaffMenu>()) return ShowStaffMenu{};
  if (type == type_of<LeaveStaff>()) return LeaveStaff{};
  return std::nullopt;
}

}  // namespace

Parsed parse_staff_command(std::string_view json_text) {
  if (json_text.size() > kMaxStaffCommandBytes) {
    return fail("message of " + std::to_string(json_text.size()) + " bytes is over the limit of " +
                std::to_string(kMaxStaffCommandBytes));
  }
  const json message = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) return fail("not JSON");
  if (!message.is_object()) return fail("not a JSON object");
  const auto type_it = message.find("type");
  if (type_it == message.end()) return fail("missing field \"type\"");
  if (!type_it->is_string()) return fail("field \"type\" must be a string");
  const auto& type = type_it->get_ref<const std::string&>();

  if (type == type_of<EnterPin>()) return parse_pin(message);
  if (type == type_of<SearchAttendees>()) return parse_search(message);
  if (type == type_of<ReprintTicket>()) return parse_reprint(message);
  if (auto bare = bare_command(type)) return *bare;
  // Quoted and escaped: the type came from the page and ends up in the log.
  const json shown = type.size() > 40 ? type.substr(0, 40) + "..." : type;
  return fail("unknown command type " + shown.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::string_view command_type(const StaffCommand& command) {
  return std::visit([](const auto& c) { return type_of<std::decay_t<decltype(c)>>(); }, command);
}

}  // namespace einlass
