#include <utility>

#include "staff/login_name.h"
#include "staff/password_policy.h"
#include "staff/staff_auth.h"
#include "staff/staff_records.h"
#include "storage/audit_repository.h"
#include "storage/staff_account_repository.h"
#include "storage/staff_session_repository.h"
#include "storage/transaction.h"

namespace einlass {

namespace {

using Kind = AuthError::Kind;

AuthResult<std::string> checked_login(std::string_view typed) {
  std::string login = normalise_login(typed);
  if (!valid_login(login)) return std::unexpected(auth_error(Kind::invalid, login_rule()));
  return login;
}

AuthResult<void> checked_actor(std::string_view actor) {
  if (actor.empty()) {
    return std::unexpected(auth_error(Kind::invalid, "a change to a staff account needs an actor"));
  }
  return {};
}

AuthError no_such_account(const std::string& login) {
  return auth_error(Kind::not_found, "no staff account " + login);
}

// Runs `change` and appends its audit entry in one transaction: both stay, or neither.
template <class Change>
AuthResult<void> audited(Database& db, AuditEntry entry, Change&& change) {
  auto tx = Transaction::begin(db);
  if (!tx) return std::unexpected(storage_auth_error(tx.error()));
  if (auto changed = change(); !changed) return changed;  // rolled back with tx
  if (auto written = AuditRepository{db}.append(entry); !written)
    return std::unexpected(storage_auth_error(written.error()));
  if (auto committed = tx->commit(); !committed)
    return std::unexpected(storage_auth_error(committed.error()));
  return {};
}

}  // namespace

StaffAccounts::StaffAccounts(Database& db, const Clock& clock, RandomBytes random,
                             PasswordCost cost)
    : db_(db), clock_(clock), random_(std::move(random)), cost_(cost) {}

AuthResult<StaffMember> StaffAccounts::add(std::string_view typed_login, StaffRole role,
                                           std::string_view password, std::string_view actor) {
  auto login = checked_login(typed_login);
  if (!login) return std::unexpected(login.error());
  if (auto ok = checked_actor(actor); !ok) return std::unexpected(ok.error());
  if (auto violation = password_policy_violation(password))
    return std::unexpected(auth_error(Kind::invalid, *violation));
  StaffAccountRepository accounts{db_};
  // Asked first only to spare the hashing; the insert below decides.
  auto existing = accounts.find(*login);
  if (!existing) return std::unexpected(storage_auth_error(existing.error()));
  if (*existing)
    return std::unexpected(auth_error(Kind::exists, "the login " + *login + " is taken"));
  auto hash = hash_password(password, cost_, random_);
  if (!hash) return std::unexpected(auth_error(Kind::storage, hash.error()));

  const Timestamp now = clock_.now();
  const StaffAccountRecord record{*login, std::string(to_string(role)), *hash, now, std::nullopt};
  auto done = audited(
      db_, {0, now, std::string(actor), "staff_add", *login, record.role},
      [&]() -> AuthResult<void> {
        auto added = accounts.add(record);
        if (!added) return std::unexpected(storage_auth_error(added.error()));
        if (!*added) {
          return std::unexpected(auth_error(Kind::exists, "the login " + *login + " is taken"));
        }
        return {};
      });
  if (!done) return std::unexpected(done.error());
  return StaffMember{*login, role, now, std::nullopt};
}

AuthResult<void> StaffAccounts::set_password(std::string_view typed_login,
                                             std::string_view password, std::string_view actor) {
  auto login = checked_login(typed_login);
  if (!login) return std::unexpected(login.error());
  if (auto ok = checked_actor(actor); !ok) return ok;
  if (auto violation = password_policy_violation(password))
    return std::unexpected(auth_error(Kind::invalid, *violation));
  auto hash = hash_password(password, cost_, random_);
  if (!hash) return std::unexpected(auth_error(Kind::storage, hash.error()));
  return audited(db_, {0, clock_.now(), std::string(actor), "staff_password", *login, ""},
                 [&]() -> AuthResult<void> {
                   auto changed = StaffAccountRepository{db_}.set_password_hash(*login, *hash);
                   if (!changed) return std::unexpected(storage_auth_error(changed.error()));
                   if (!*changed) return std::unexpected(no_such_account(*login));
                   auto ended = StaffSessionRepository{db_}.remove_for_login(*login);
                   if (!ended) return std::unexpected(storage_auth_error(ended.error()));
                   return {};
                 });
}

AuthResult<void> StaffAccounts::set_role(std::string_view typed_login, StaffRole role,
                                         std::string_view actor) {
  auto login = checked_login(typed_login);
  if (!login) return std::unexpected(login.error());
  if (auto ok = checked_actor(actor); !ok) return ok;
  const std::string role_text(to_string(role));
  return audited(db_, {0, clock_.now(), std::string(actor), "staff_role", *login, role_text},
                 [&]() -> AuthResult<void> {
                   auto changed = StaffAccountRepository{db_}.set_role(*login, role_text);
                   if (!changed) return std::unexpected(storage_auth_error(changed.error()));
                   if (!*changed) return std::unexpected(no_such_account(*login));
                   return {};
                 });
}

AuthResult<void> StaffAccounts::disable(std::string_view typed_login, std::string_view actor) {
  auto login = checked_login(typed_login);
  if (!login) return std::unexpected(login.error());
  if (auto ok = checked_actor(actor); !ok) return ok;
  const Timestamp now = clock_.now();
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(storage_auth_error(tx.error()));
  auto disabled = StaffAccountRepository{db_}.disable(*login, now);
  if (!disabled) return std::unexpected(storage_auth_error(disabled.error()));
  if (*disabled == StaffAccountDisabling::no_such_account)
    return std::unexpected(no_such_account(*login));
  // Also for an account disabled before: no session of it may remain.
  if (auto ended = StaffSessionRepository{db_}.remove_for_login(*login); !ended)
    return std::unexpected(storage_auth_error(ended.error()));
  if (*disabled == StaffAccountDisabling::disabled) {
    if (auto written =
            AuditRepository{db_}.append({0, now, std::string(actor), "staff_disable", *login, ""});
        !written) {
      return std::unexpected(storage_auth_error(written.error()));
    }
  }
  if (auto committed = tx->commit(); !committed)
    return std::unexpected(storage_auth_error(committed.error()));
  return {};
}

AuthResult<std::vector<StaffMember>> StaffAccounts::list() {
  auto records = StaffAccountRepository{db_}.all();
  if (!records) return std::unexpected(storage_auth_error(records.error()));
  std::vector<StaffMember> out;
  out.reserve(records->size());
  for (const auto& record : *records) {
    auto member = member_from_record(record);
    if (!member) return std::unexpected(member.error());
    out.push_back(std::move(*member));
  }
  return out;
}

AuthResult<StaffMember> StaffAccounts::find(std::string_view typed_login) {
  auto login = checked_login(typed_login);
  if (!login) return std::unexpected(login.error());
  auto record = StaffAccountRepository{db_}.find(*login);
  if (!record) return std::unexpected(storage_auth_error(record.error()));
  if (!*record) return std::unexpected(no_such_account(*login));
  return member_from_record(**record);
}

}  // namespace einlass
