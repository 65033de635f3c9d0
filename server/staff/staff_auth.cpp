#include "staff/staff_auth.h"

#include <utility>

#include "staff/login_name.h"
#include "staff/password_policy.h"
#include "staff/secret_text.h"
#include "staff/staff_records.h"
#include "storage/audit_repository.h"
#include "storage/staff_account_repository.h"
#include "storage/staff_session_repository.h"
#include "storage/transaction.h"

namespace einlass {

namespace {

using Kind = AuthError::Kind;

AuthError bad_credentials() {
  return auth_error(Kind::bad_credentials, "wrong login or password");
}

AuthError unauthenticated() {
  return auth_error(Kind::unauthenticated, "not signed in, or the session has ended; sign in");
}

std::string staff_actor(std::string_view login) {
  return "staff:" + std::string(login);
}

}  // namespace

StaffAuth::StaffAuth(Database& db, const Clock& clock, RandomBytes random, SignInThrottle& throttle,
                     AuthOptions options)
    : db_(db),
      clock_(clock),
      random_(std::move(random)),
      throttle_(throttle),
      options_(options),
      unmatchable_(unmatchable_password_hash(options_.password_cost)) {}

AuthResult<StaffSession> StaffAuth::sign_in(std::string_view typed_login, std::string_view password,
                                            std::string_view client) {
  const std::string login = normalise_login(typed_login);
  if (auto lockout = throttle_.check(login, client)) {
    AuthError error = auth_error(Kind::throttled,
                                 "too many failed sign-ins " + lockout->what + "; try again in " +
                                     std::to_string(lockout->retry_after.count()) + " s");
    error.retry_after = lockout->retry_after;
    return std::unexpected(std::move(error));
  }

  std::optional<StaffAccountRecord> account;
  if (valid_login(login)) {
    auto found = StaffAccountRepository{db_}.find(login);
    if (!found) return std::unexpected(storage_auth_error(found.error()));
    account = std::move(*found);
  }
  // Every path verifies one hash of the same cost, so the time taken does not tell whether the
  // login exists or is disabled. An overlong password is refused before hashing anything.
  bool accepted = false;
  if (password.size() <= kMaxPasswordBytes) {
    const std::string& hash = account ? account->password_hash : unmatchable_;
    accepted =
        verify_password(hash, password) == PasswordCheck::match && account && !account->disabled();
  }

  const Timestamp now = clock_.now();
  if (!accepted) {
    throttle_.failed(login, client);
    auto written =
        AuditRepository{db_}.append({0, now, "anonymous", "sign_in_failed",
                                     account ? login : std::string(), std::string(client)});
    if (!written) return std::unexpected(storage_auth_error(written.error()));
    return std::unexpected(bad_credentials());
  }
  auto member = member_from_record(*account);
  if (!member) return std::unexpected(member.error());
  throttle_.succeeded(login);

  StaffSession session{random_token(random_), random_token(random_), std::move(*member),
                       now + options_.session_lifetime};
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(storage_auth_error(tx.error()));
  StaffSessionRepository sessions{db_};
  // Sessions nobody signs out of would pile up: each sign-in sweeps the expired ones.
  if (auto swept = sessions.remove_expired(now); !swept)
    return std::unexpected(storage_auth_error(swept.error()));
  if (auto stored = sessions.add(
          {sha256_hex(session.token), login, session.csrf_token, now, session.expires_at});
      !stored) {
    return std::unexpected(storage_auth_error(stored.error()));
  }
  if (auto written = AuditRepository{db_}.append(
          {0, now, staff_actor(login), "sign_in", login, std::string(client)});
      !written) {
    return std::unexpected(storage_auth_error(written.error()));
  }
  if (auto committed = tx->commit(); !committed)
    return std::unexpected(storage_auth_error(committed.error()));
  return session;
}

AuthResult<StaffSession> StaffAuth::session(std::string_view token) {
  if (!looks_like_token(token)) return std::unexpected(unauthenticated());
  const std::string token_hash = sha256_hex(token);
  StaffSessionRepository sessions{db_};
  auto found = sessions.find(token_hash);
  if (!found) return std::unexpected(storage_auth_error(found.error()));
  if (!*found) return std::unexpected(unauthenticated());
  const StaffSessionRecord& stored = **found;
  if (stored.expires_at <= clock_.now()) {
    // Forgetting it is housekeeping; the answer is the same either way.
    (void)sessions.remove(token_hash);
    return std::unexpected(unauthenticated());
  }
  auto account = StaffAccountRepository{db_}.find(stored.login);
  if (!account) return std::unexpected(storage_auth_error(account.error()));
  if (!*account || (*account)->disabled()) return std::unexpected(unauthenticated());
  auto member = member_from_record(**account);
  if (!member) return std::unexpected(member.error());
  return StaffSession{std::string(token), stored.csrf_token, std::move(*member), stored.expires_at};
}

AuthResult<void> StaffAuth::sign_out(std::string_view token) {
  if (!looks_like_token(token)) return {};
  const std::string token_hash = sha256_hex(token);
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(storage_auth_error(tx.error()));
  StaffSessionRepository sessions{db_};
  auto found = sessions.find(token_hash);
  if (!found) return std::unexpected(storage_auth_error(found.error()));
  if (!*found) return {};
  if (auto removed = sessions.remove(token_hash); !removed)
    return std::unexpected(storage_auth_error(removed.error()));
  const std::string& login = (*found)->login;
  if (auto written =
          AuditRepository{db_}.append({0, clock_.now(), staff_actor(login), "sign_out", login, ""});
      !written) {
    return std::unexpected(storage_auth_error(written.error()));
  }
  if (auto committed = tx->commit(); !committed)
    return std::unexpected(storage_auth_error(committed.error()));
  return {};
}

}  // namespace einlass
