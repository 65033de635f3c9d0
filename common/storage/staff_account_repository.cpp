#include "storage/staff_account_repository.h"

#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

namespace {

constexpr const char* kSelectAccount =
    "SELECT login, role, password_hash, created_at, disabled_at FROM staff_accounts ";

StaffAccountRecord account_from_row(sd::Query& q) {
  StaffAccountRecord r;
  r.login = q.text(0);
  r.role = q.text(1);
  r.password_hash = q.text(2);
  r.created_at = from_unix_ms(q.int64(3));
  if (!q.is_null(4)) r.disabled_at = from_unix_ms(q.int64(4));
  return r;
}

}  // namespace

StorageResult<bool> StaffAccountRepository::add(const StaffAccountRecord& account) {
  return sd::guarded("adding staff account " + account.login, [&] {
    sd::require_kind(db_, DatabaseKind::server, "adding a staff account");
    sd::Query q(db_,
                "INSERT INTO staff_accounts (login, role, password_hash, created_at, disabled_at) "
                "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (login) DO NOTHING");
    q.bind(1, account.login)
        .bind(2, account.role)
        .bind(3, account.password_hash)
        .bind(4, to_unix_ms(account.created_at));
    if (account.disabled_at) q.bind(5, to_unix_ms(*account.disabled_at));
    return q.exec() == 1;
  });
}

StorageResult<std::optional<StaffAccountRecord>> StaffAccountRepository::find(
    std::string_view login) {
  return sd::guarded("finding a staff account", [&]() -> std::optional<StaffAccountRecord> {
    sd::require_kind(db_, DatabaseKind::server, "finding a staff account");
    sd::Query q(db_, std::string(kSelectAccount) + "WHERE login = ?1");
    q.bind(1, login);
    if (!q.step()) return std::nullopt;
    return account_from_row(q);
  });
}

StorageResult<std::vector<StaffAccountRecord>> StaffAccountRepository::all() {
  return sd::guarded("listing staff accounts", [&] {
    sd::require_kind(db_, DatabaseKind::server, "listing staff accounts");
    std::vector<StaffAccountRecord> out;
    sd::Query q(db_, std::string(kSelectAccount) + "ORDER BY login");
    while (q.step()) out.push_back(account_from_row(q));
    return out;
  });
}

StorageResult<bool> StaffAccountRepository::set_password_hash(std::string_view login,
                                                              std::string_view password_hash) {
  return sd::guarded("changing the password of a staff account", [&] {
    sd::require_kind(db_, DatabaseKind::server, "changing a staff password");
    return sd::Query(db_, "UPDATE staff_accounts SET password_hash = ?1 WHERE login = ?2")
               .bind(1, password_hash)
               .bind(2, login)
               .exec() == 1;
  });
}

StorageResult<bool> StaffAccountRepository::set_role(std::string_view login,
                                                     std::string_view role) {
  return sd::guarded("changing the role of a staff account", [&] {
    sd::require_kind(db_, DatabaseKind::server, "changing a staff role");
    return sd::Query(db_, "UPDATE staff_accounts SET role = ?1 WHERE login = ?2")
               .bind(1, role)
               .bind(2, login)
               .exec() == 1;
  });
}

StorageResult<StaffAccountDisabling> StaffAccountRepository::disable(std::string_view login,
                                                                     Timestamp at) {
  return sd::guarded("disabling a staff account", [&] {
    sd::require_kind(db_, DatabaseKind::server, "disabling a staff account");
    const int changed = sd::Query(db_,
                                  "UPDATE staff_accounts SET disabled_at = ?1 "
                                  "WHERE login = ?2 AND disabled_at IS NULL")
                            .bind(1, to_unix_ms(at))
                            .bind(2, login)
                            .exec();
    if (changed == 1) return StaffAccountDisabling::disabled;
    // Accounts are never deleted: one that was not updated is disabled already, or unknown.
    const bool exists =
        sd::Query(db_, "SELECT 1 FROM staff_accounts WHERE login = ?1").bind(1, login).step();
    return exists ? StaffAccountDisabling::already_disabled
                  : StaffAccountDisabling::no_such_account;
  });
}

}  // namespace einlass
