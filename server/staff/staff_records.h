#pragma once
// Internal to einlass_staff: between the stored rows and the types of staff_auth.h.
#include <string>

#include "staff/staff_auth.h"
#include "storage/staff_account_repository.h"
#include "storage/storage_error.h"

namespace einlass {

inline AuthError auth_error(AuthError::Kind kind, std::string message) {
  return AuthError{kind, std::move(message), std::chrono::seconds{0}};
}

inline AuthError storage_auth_error(const StorageError& error) {
  return auth_error(AuthError::Kind::storage, "staff accounts: " + error.message);
}

// Kind::storage when the stored role is not one this build knows.
AuthResult<StaffMember> member_from_record(const StaffAccountRecord& record);

}  // namespace einlass
