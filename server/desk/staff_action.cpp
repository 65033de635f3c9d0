#include "desk/staff_action.h"

#include "base/text.h"
#include "desk/desk_failure.h"
#include "sync/record_json.h"

namespace einlass::desk_detail {

StaffAction staff_action(std::string_view login, const Clock& clock) {
  if (login.empty() || login.size() > sync_json::kMaxStaffBytes)
    fail(DeskError::Kind::invalid, "bad_request", "the staff login is missing or too long");
  return StaffAction{std::string(login), Actor{"staff:" + std::string(login), clock.now()}};
}

std::string required_reason(std::string_view reason) {
  const std::string_view trimmed = trim(reason);
  if (trimmed.empty()) fail(DeskError::Kind::invalid, "reason_required", "reason is required");
  if (trimmed.size() > sync_json::kMaxReasonBytes)
    fail(DeskError::Kind::invalid, "reason_too_long",
         "reason is longer than " + std::to_string(sync_json::kMaxReasonBytes) + " bytes");
  if (!is_valid_utf8(trimmed) || contains_control_character(trimmed))
    fail(DeskError::Kind::invalid, "bad_request",
         "reason must be one line of text without control characters");
  return std::string(trimmed);
}

}  // namespace einlass::desk_detail
