#pragma once
// The dashboard's staff accounts on the server: login, role, password hash, when created and
// when disabled. Accounts are never deleted, so that the audit log's names keep meaning someone.
// The role is the text the schema allows ("viewer", "desk", "admin"); server/staff gives it a
// type.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "storage/database.h"
#include "storage/storage_error.h"

namespace einlass {

struct StaffAccountRecord {
  std::string login;
  std::string role;
  std::string password_hash;  // Argon2id encoded string, never the password
  Timestamp created_at{};
  std::optional<Timestamp> disabled_at;
  bool disabled() const { return disabled_at.has_value(); }
  bool operator==(const StaffAccountRecord&) const = default;
};

enum class StaffAccountDisabling { disabled, already_disabled, no_such_account };

class StaffAccountRepository {
 public:
  explicit StaffAccountRepository(Database& db) : db_(db) {}

  // Server. False when the login is taken (nothing is written then); a login, role or hash the
  // schema refuses is Kind::constraint.
  StorageResult<bool> add(const StaffAccountRecord& account);
  // Server.
  StorageResult<std::optional<StaffAccountRecord>> find(std::string_view login);
  // Server. Every account, disabled ones too, by login.
  StorageResult<std::vector<StaffAccountRecord>> all();
  // Server. False when there is no such account.
  StorageResult<bool> set_password_hash(std::string_view login, std::string_view password_hash);
  // Server. False when there is no such account.
  StorageResult<bool> set_role(std::string_view login, std::string_view role);
  // Server. An account disabled before keeps its first time.
  StorageResult<StaffAccountDisabling> disable(std::string_view login, Timestamp at);

 private:
  Database& db_;
};

}  // namespace einlass
