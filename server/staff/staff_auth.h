#pragma once
// Staff accounts of the dashboard and their sign-in: passwords hashed with Argon2id (libargon2),
// sessions kept in the server database (they survive a restart), a CSRF token per session, and
// sign-in throttled after failures. No sockets: the web layer calls it with what the request
// carried.
//
// Audit log (same transaction as the change; who, action, subject = login, why):
//   staff_add (why: role), staff_password, staff_role (why: new role), staff_disable — who is
//   the actor; sign_in (who "staff:<login>", why: client address); sign_in_failed (who
//   "anonymous", subject: the login if such an account exists, else empty, so that a password
//   typed into the login field is not kept; why: client address); sign_out (who
//   "staff:<login>"). A password is never logged or stored, and no message to the person
//   signing in says whether a login exists.
//
// Hashing and verifying cost what PasswordCost says (about 0.2 s of CPU and 64 MiB by default):
// call sign_in, add and set_password off the network thread.
#include <chrono>
#include <cstddef>
#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "staff/password_hash.h"
#include "staff/random_bytes.h"  // RandomBytes, system_random_bytes()
#include "staff/sign_in_throttle.h"
#include "storage/database.h"

namespace einlass {

// viewer reads; desk also admits by hand, reprints and acknowledges alerts; admin also cancels,
// revokes, exports personal data and manages staff.
enum class StaffRole { viewer, desk, admin };

std::string_view to_string(StaffRole role);  // "viewer", "desk", "admin"
std::optional<StaffRole> staff_role_from_string(std::string_view text);
// admin >= desk >= viewer.
bool role_allows(StaffRole have, StaffRole need);

struct StaffMember {
  std::string login;  // 1-64 of [a-z0-9._-], lower case
  StaffRole role = StaffRole::viewer;
  Timestamp created_at{};
  std::optional<Timestamp> disabled_at;  // a disabled account cannot sign in; its history stays
  bool operator==(const StaffMember&) const = default;
};

struct StaffSession {
  std::string token;       // 32 random bytes, base64url; only its SHA-256 is stored
  std::string csrf_token;  // 32 random bytes, base64url; sent back in X-CSRF-Token
  StaffMember member;
  Timestamp expires_at{};
};

struct AuthError {
  enum class Kind {
    invalid,          // a bad login name, role or password (too short: under 10 characters)
    exists,           // add: the login is taken
    not_found,        // a login that does not exist
    bad_credentials,  // sign-in: unknown login, wrong password or disabled (one message for all)
    throttled,        // sign-in: too many failures; retry_after says how long to wait
    unauthenticated,  // no such session, or it expired, or its account was disabled
    storage,          // the database failed (also: the hash could not be computed)
  };
  Kind kind = Kind::storage;
  std::string message;  // for people: "too many failed sign-ins for anna; try again in 30 s"
  std::chrono::seconds retry_after{0};
};

template <class T>
using AuthResult = std::expected<T, AuthError>;

struct AuthOptions {
  std::chrono::hours session_lifetime{12};  // a working day at the desk
  // Only for the hash that unknown logins are checked against (so that they take as long as
  // known ones); stored hashes carry their own cost.
  PasswordCost password_cost{};
};

// Accounts, for einlass-admin and the admin's API. Every change is written to the audit log with
// `actor` ("cli:root", "staff:anna"). Logins are folded to lower case ("Anna" is "anna").
class StaffAccounts {
 public:
  // `cost`: what hashing a new password costs; tests pass kTestPasswordCost.
  StaffAccounts(Database& db, const Clock& clock, RandomBytes random, PasswordCost cost = {});
  AuthResult<StaffMember> add(std::string_view login, StaffRole role, std::string_view password,
                              std::string_view actor);
  // Also ends the account's sessions: a password is changed when the old one may be known.
  AuthResult<void> set_password(std::string_view login, std::string_view password,
                                std::string_view actor);
  // Takes effect at the account's next request: sessions read the role from the account.
  AuthResult<void> set_role(std::string_view login, StaffRole role, std::string_view actor);
  // Ends the account's sessions at once. Disabling a disabled account changes nothing.
  AuthResult<void> disable(std::string_view login, std::string_view actor);
  AuthResult<std::vector<StaffMember>> list();  // by login
  AuthResult<StaffMember> find(std::string_view login);

 private:
  Database& db_;
  const Clock& clock_;
  RandomBytes random_;
  PasswordCost cost_;
};

// Sign-in and sessions. Sessions live in the database; the throttle is the process's one (in
// memory, a restart forgets it), shared by every StaffAuth of the process, so that a sign-in
// counts against the same lockout whichever thread or connection answers it.
class StaffAuth {
 public:
  StaffAuth(Database& db, const Clock& clock, RandomBytes random, SignInThrottle& throttle,
            AuthOptions options = {});
  // `client` is the peer address, for throttling and the audit entry ("sign_in" /
  // "sign_in_failed"). A throttled attempt checks no password and is not audited.
  AuthResult<StaffSession> sign_in(std::string_view login, std::string_view password,
                                   std::string_view client);
  // The session a cookie names, if it is valid now. One answer (unauthenticated) for a token
  // that never existed, an expired one and one of a disabled account.
  AuthResult<StaffSession> session(std::string_view token);
  // Ends the session (no error if it is already gone).
  AuthResult<void> sign_out(std::string_view token);

 private:
  Database& db_;
  const Clock& clock_;
  RandomBytes random_;
  SignInThrottle& throttle_;
  AuthOptions options_;
  std::string unmatchable_;  // the hash unknown logins are checked against
};

// Constant-time comparison, for tokens.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace einlass
