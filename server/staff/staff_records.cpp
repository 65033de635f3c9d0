#include "staff/staff_records.h"

namespace einlass {

AuthResult<StaffMember> member_from_record(const StaffAccountRecord& record) {
  const auto role = staff_role_from_string(record.role);
  if (!role) {
    return std::unexpected(
        auth_error(AuthError::Kind::storage,
                   "staff account " + record.login + " has an unknown role '" + record.role + "'"));
  }
  return StaffMember{record.login, *role, record.created_at, record.disabled_at};
}

}  // namespace einlass
