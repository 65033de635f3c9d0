#pragma once
// Signed-in dashboard sessions on the server, so that they survive a restart. A session is found
// by the SHA-256 of its token (hex): the token itself lives only in the browser's cookie.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "storage/database.h"
#include "storage/storage_error.h"

namespace einlass {

struct StaffSessionRecord {
  std::string token_hash;  // 64 hex digits
  std::string login;
  std::string csrf_token;
  Timestamp created_at{};
  Timestamp expires_at{};
  bool operator==(const StaffSessionRecord&) const = default;
};

class StaffSessionRepository {
 public:
  explicit StaffSessionRepository(Database& db) : db_(db) {}

  // Server. The login must be an account (Kind::constraint otherwise), the hash new.
  StorageResult<void> add(const StaffSessionRecord& session);
  // Server. Expired sessions too: the caller decides against its clock.
  StorageResult<std::optional<StaffSessionRecord>> find(std::string_view token_hash);
  // Server. A login's sessions, oldest first.
  StorageResult<std::vector<StaffSessionRecord>> for_login(std::string_view login);
  // Server. False when there was no such session.
  StorageResult<bool> remove(std::string_view token_hash);
  // Server. Ends every session of a login; returns how many there were.
  StorageResult<int> remove_for_login(std::string_view login);
  // Server. Forgets sessions whose expires_at is at or before `now`; returns how many.
  StorageResult<int> remove_expired(Timestamp now);

 private:
  Database& db_;
};

}  // namespace einlass
