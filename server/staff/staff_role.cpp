#include "staff/staff_auth.h"

namespace einlass {

std::string_view to_string(StaffRole role) {
  switch (role) {
    case StaffRole::viewer:
      return "viewer";
    case StaffRole::desk:
      return "desk";
    case StaffRole::admin:
      return "admin";
  }
  return "unknown";
}

std::optional<StaffRole> staff_role_from_string(std::string_view text) {
  for (const auto role : {StaffRole::viewer, StaffRole::desk, StaffRole::admin}) {
    if (text == to_string(role)) return role;
  }
  return std::nullopt;
}

bool role_allows(StaffRole have, StaffRole need) {
  // The roles nest: each one may do everything the one below it may.
  return static_cast<int>(have) >= static_cast<int>(need);
}

}  // namespace einlass
