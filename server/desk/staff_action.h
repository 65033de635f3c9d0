#pragma once
// Internal to einlass_desk: what every staff action carries into the audit log and onto kiosks:
// who (the signed-in login), when, and why.
#include <string>
#include <string_view>

#include "admin/organiser_actions.h"
#include "base/time.h"

namespace einlass::desk_detail {

struct StaffAction {
  std::string login;  // as admission events and commands name staff: "anna"
  Actor actor;        // as the audit log names them, "staff:anna", and when
};

// Refuses (invalid) an empty login or one longer than sync carries.
StaffAction staff_action(std::string_view login, const Clock& clock);

// The reason, trimmed; refuses (invalid) a missing one ("reason_required"), one longer than
// kiosks accept (500 bytes) or one that is not one line of UTF-8 text.
std::string required_reason(std::string_view reason);

}  // namespace einlass::desk_detail
