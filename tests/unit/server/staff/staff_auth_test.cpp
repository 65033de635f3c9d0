#include <catch2/catch.hpp>

#include "staff/secret_text.h"
#include "staff/staff_auth.h"
#include "staff_test_support.h"

using namespace einlass;
using namespace std::chrono_literals;
using test::StaffFixture;

namespace {

constexpr const char* kPassword = "correct horse battery";

void require_refused(const AuthResult<StaffSession>& result, AuthError::Kind kind) {
  REQUIRE_FALSE(result);
  CHECK(result.error().kind == kind);
}

}  // namespace

TEST_CASE("signing in returns a token and a CSRF token and stores only the token's hash",
          "[staff][auth]") {
  StaffFixture f;
  f.add("anna", StaffRole::desk, kPassword);
  auto session = f.auth.sign_in("anna", kPassword, "192.0.2.10");
  REQUIRE(session);
  CHECK(session->token.size() == 43);
  CHECK(session->csrf_token.size() == 43);
  CHECK(looks_like_token(session->token));
  CHECK(session->token != session->csrf_token);
  CHECK(session->member ==
        StaffMember{"anna", StaffRole::desk, test::utc(2026, 9, 1, 8), std::nullopt});
  CHECK(session->expires_at == test::utc(2026, 9, 1, 20));

  SQLite::Statement row(f.db.connection(),
                        "SELECT token_hash, login, csrf_token, created_at, expires_at "
                        "FROM staff_sessions");
  REQUIRE(row.executeStep());
  CHECK(row.getColumn(0).getString() == sha256_hex(session->token));
  CHECK(row.getColumn(1).getString() == "anna");
  CHECK(row.getColumn(2).getString() == session->csrf_token);
  CHECK(row.getColumn(3).getInt64() == to_unix_ms(test::utc(2026, 9, 1, 8)));
  CHECK(row.getColumn(4).getInt64() == to_unix_ms(test::utc(2026, 9, 1, 20)));
  CHECK_FALSE(row.executeStep());
  CHECK_FALSE(test::stored_anywhere(f.db, session->token));
  CHECK_FALSE(test::stored_anywhere(f.db, kPassword));

  auto again = f.auth.session(session->token);
  REQUIRE(again);
  CHECK(again->member == session->member);
  CHECK(again->csrf_token == session->csrf_token);
  CHECK(again->expires_at == session->expires_at);
  CHECK(again->token == session->token);

  auto audit = test::audit_entries(f.db, "sign_in");
  REQUIRE(audit.size() == 1);
  CHECK(audit[0] == AuditEntry{audit[0].id, test::utc(2026, 9, 1, 8), "staff:anna", "sign_in",
                               "anna", "192.0.2.10"});
}

TEST_CASE("each sign-in is a session of its own; capitals in the login are folded",
          "[staff][auth]") {
  StaffFixture f;
  f.add("anna", StaffRole::viewer, kPassword);
  auto first = f.auth.sign_in("Anna", kPassword, "192.0.2.10");
  auto second = f.auth.sign_in("ANNA", kPassword, "192.0.2.11");
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->token != second->token);
  CHECK(first->csrf_token != second->csrf_token);
  CHECK(first->member.login == "anna");
  CHECK(test::count_rows(f.db, "staff_sessions") == 2);
}

TEST_CASE("a wrong password, an unknown login and a disabled account get one answer",
          "[staff][auth]") {
  StaffFixture f;
  f.add("anna", StaffRole::desk, kPassword);
  f.add("ben", StaffRole::desk, kPassword);
  REQUIRE(f.accounts.disable("ben", "cli:root"));

  auto wrong = f.auth.sign_in("anna", "correct horse batterY", "192.0.2.10");
  auto unknown = f.auth.sign_in("nobody", kPassword, "192.0.2.11");
  auto disabled = f.auth.sign_in("ben", kPassword, "192.0.2.12");
  auto invalid = f.auth.sign_in("not a login!", kPassword, "192.0.2.13");
  auto overlong = f.auth.sign_in("anna", std::string(2000, 'x'), "192.0.2.14");
  for (const auto* result : {&wrong, &unknown, &disabled, &invalid, &overlong}) {
    REQUIRE_FALSE(*result);
    CHECK(result->error().kind == AuthError::Kind::bad_credentials);
    CHECK(result->error().message == "wrong login or password");
    CHECK(result->error().retry_after == 0s);
  }
  CHECK(test::count_rows(f.db, "staff_sessions") == 0);

  // The audit log names the account when there is one, never what was typed for an unknown one
  // (it may be a password typed into the wrong field), and never a password.
  auto failed = test::audit_entries(f.db, "sign_in_failed");
  REQUIRE(failed.size() == 5);
  CHECK(failed[0] == AuditEntry{failed[0].id, test::utc(2026, 9, 1, 8), "anonymous",
                                "sign_in_failed", "anna", "192.0.2.10"});
  CHECK(failed[1].subject == "");
  CHECK(failed[1].why == "192.0.2.11");
  CHECK(failed[2].subject == "ben");
  CHECK(failed[3].subject == "");
  CHECK(failed[4].subject == "anna");
  CHECK_FALSE(test::stored_anywhere(f.db, "nobody"));
  CHECK_FALSE(test::stored_anywhere(f.db, "not a login"));
  CHECK_FALSE(test::stored_anywhere(f.db, "correct horse"));
}

TEST_CASE("sign-in is throttled per login after 5 failures; the lockout doubles and expires",
          "[staff][auth][throttle]") {
  StaffFixture f;
  f.add("anna", StaffRole::desk, kPassword);
  // From five addresses, so that only the login's count reaches the limit.
  for (int i = 0; i < 5; ++i) {
    require_refused(f.auth.sign_in("anna", "wrong password", "10.0.0." + std::to_string(i)),
                    AuthError::Kind::bad_credentials);
  }
  auto locked = f.auth.sign_in("anna", kPassword, "10.0.1.1");  // even the right password
  REQUIRE_FALSE(locked);
  CHECK(locked.error().kind == AuthError::Kind::throttled);
  CHECK(locked.error().retry_after == 30s);
  CHECK(locked.error().message == "too many failed sign-ins for anna; try again in 30 s");
  // A throttled attempt checks nothing and writes nothing.
  CHECK(test::audit_entries(f.db, "sign_in_failed").size() == 5);
  CHECK(test::audit_entries(f.db, "sign_in").empty());
  // Unknown logins are throttled alike, so the answer does not tell them apart.
  for (int i = 0; i < 5; ++i) (void)f.auth.sign_in("nobody", "x", "10.0.2." + std::to_string(i));
  auto unknown = f.auth.sign_in("nobody", "x", "10.0.3.1");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().kind == AuthError::Kind::throttled);

  f.clock.advance(30s);
  require_refused(f.auth.sign_in("anna", "wrong password", "10.0.0.9"),
                  AuthError::Kind::bad_credentials);
  auto longer = f.auth.sign_in("anna", kPassword, "10.0.1.1");
  REQUIRE_FALSE(longer);
  CHECK(longer.error().retry_after == 60s);

  f.clock.advance(60s);
  REQUIRE(f.auth.sign_in("anna", kPassword, "10.0.1.1"));
  // The success started the count again: one more failure locks nothing.
  require_refused(f.auth.sign_in("anna", "wrong password", "10.0.0.8"),
                  AuthError::Kind::bad_credentials);
  CHECK(f.auth.sign_in("anna", kPassword, "10.0.1.1"));
}

TEST_CASE("sign-in is throttled per address, across logins", "[staff][auth][throttle]") {
  StaffFixture f;
  f.add("anna", StaffRole::desk, kPassword);
  for (int i = 0; i < 5; ++i) {
    require_refused(f.auth.sign_in("user" + std::to_string(i), kPassword, "198.51.100.7"),
                    AuthError::Kind::bad_credentials);
  }
  auto locked = f.auth.sign_in("anna", kPassword, "198.51.100.7");
  REQUIRE_FALSE(locked);
  CHECK(locked.error().kind == AuthError::Kind::throttled);
  CHECK(locked.error().message == "too many failed sign-ins from 198.51.100.7; try again in 30 s");
  CHECK(f.auth.sign_in("anna", kPassword, "198.51.100.8"));

  f.clock.advance(30s);
  CHECK(f.auth.sign_in("anna", kPassword, "198.51.100.7"));
}

TEST_CASE("the throttle follows the options", "[staff][auth][throttle]") {
  StaffFixture f;
  f.add("anna", StaffRole::desk, kPassword);
  ThrottleOptions options;
  options.failures_before_throttle = 2;
  options.first_lockout = 10s;
  options.max_lockout = 15s;
  SignInThrottle throttle{f.clock, options};
  StaffAuth strict{f.db, f.clock, test::seeded_random(2), throttle, test::test_auth_options()};
  require_refused(strict.sign_in("anna", "wrong password", "10.0.0.1"),
                  AuthError::Kind::bad_credentials);
  require_refused(strict.sign_in("anna", "wrong password", "10.0.0.1"),
                  AuthError::Kind::bad_credentials);
  auto locked = strict.sign_in("anna", kPassword, "10.0.0.1");
  REQUIRE_FALSE(locked);
  CHECK(locked.error().retry_after == 10s);
  f.clock.advance(10s);
  require_refused(strict.sign_in("anna", "wrong password", "10.0.0.1"),
                  AuthError::Kind::bad_credentials);
  CHECK(strict.sign_in("anna", kPassword, "10.0.0.1").error().retry_after == 15s);  // capped
  // Another throttle instance keeps its own memory: the throttle is in memory, not in the
  // database.
  CHECK(f.auth.sign_in("anna", kPassword, "10.0.0.1"));
}

TEST_CASE("StaffAuths that share a throttle share its lockouts", "[staff][auth][throttle]") {
  // einlass-server answers sign-ins on the event loop and on its password thread, each with a
  // StaffAuth of its own: a lockout earned through one holds on the other.
  StaffFixture f;
  f.add("anna", StaffRole::desk, kPassword);
  StaffAuth other{f.db, f.clock, test::seeded_random(3), f.throttle, test::test_auth_options()};
  for (int i = 0; i < 5; ++i) {
    require_refused(other.sign_in("anna", "wrong password", "10.0.0.1"),
                    AuthError::Kind::bad_credentials);
  }
  require_refused(f.auth.sign_in("anna", kPassword, "10.0.0.2"), AuthError::Kind::throttled);
}

TEST_CASE("a session expires after the session lifetime", "[staff][auth]") {
  StaffFixture f;
  f.add("anna", StaffRole::desk, kPassword);
  auto session = f.auth.sign_in("anna", kPassword, "192.0.2.10");
  REQUIRE(session);
  f.clock.advance(12h - 1ms);
  CHECK(f.auth.session(session->token));
  f.clock.advance(1ms);
  auto expired = f.auth.session(session->token);
  REQUIRE_FALSE(expired);
  CHECK(expired.error().kind == AuthError::Kind::unauthenticated);
  CHECK(test::count_rows(f.db, "staff_sessions") == 0);  // forgotten when found expired
}

TEST_CASE("expired sessions are swept at the next sign-in", "[staff][auth]") {
  StaffFixture f;
  f.add("anna", StaffRole::desk, kPassword);
  REQUIRE(f.auth.sign_in("anna", kPassword, "192.0.2.10"));
  REQUIRE(f.auth.sign_in("anna", kPassword, "192.0.2.10"));
  f.clock.advance(13h);
  REQUIRE(f.auth.sign_in("anna", kPassword, "192.0.2.10"));
  CHECK(test::count_rows(f.db, "staff_sessions") == 1);
}

TEST_CASE("an unknown, a malformed and an expired token get the same answer", "[staff][auth]") {
  StaffFixture f;
  f.add("anna", StaffRole::desk, kPassword);
  auto session = f.auth.sign_in("anna", kPassword, "192.0.2.10");
  REQUIRE(session);
  auto other = session->token;
  other[0] = other[0] == 'A' ? 'B' : 'A';
  auto unknown = f.auth.session(other);
  auto malformed = f.auth.session("'; DROP TABLE staff_sessions; --");
  auto empty = f.auth.session("");
  f.clock.advance(12h);
  auto expired = f.auth.session(session->token);
  for (const auto* result : {&unknown, &malformed, &empty, &expired}) {
    REQUIRE_FALSE(*result);
    CHECK(result->error().kind == AuthError::Kind::unauthenticated);
    CHECK(result->error().message == unknown.error().message);
  }
}

TEST_CASE("a session shows the account's role as it is now", "[staff][auth]") {
  StaffFixture f;
  f.add("anna", StaffRole::viewer, kPassword);
  auto session = f.auth.sign_in("anna", kPassword, "192.0.2.10");
  REQUIRE(session);
  REQUIRE(f.accounts.set_role("anna", StaffRole::admin, "cli:root"));
  CHECK(f.auth.session(session->token)->member.role == StaffRole::admin);
}

TEST_CASE("signing out ends the session and is audited; a second time is no error",
          "[staff][auth]") {
  StaffFixture f;
  f.add("anna", StaffRole::desk, kPassword);
  auto first = f.auth.sign_in("anna", kPassword, "192.0.2.10");
  auto second = f.auth.sign_in("anna", kPassword, "192.0.2.11");
  REQUIRE(first);
  REQUIRE(second);
  f.clock.advance(5min);
  REQUIRE(f.auth.sign_out(first->token));
  CHECK_FALSE(f.auth.session(first->token));
  CHECK(f.auth.session(second->token));  // the other session stays
  REQUIRE(f.auth.sign_out(first->token));
  REQUIRE(f.auth.sign_out("not a token"));
  auto audit = test::audit_entries(f.db, "sign_out");
  REQUIRE(audit.size() == 1);
  CHECK(audit[0] ==
        AuditEntry{audit[0].id, test::utc(2026, 9, 1, 8, 5), "staff:anna", "sign_out", "anna", ""});
}

TEST_CASE("sessions survive a restart: a new StaffAuth on a reopened database knows them",
          "[staff][auth]") {
  test::TempDir dir;
  ManualClock clock{test::utc(2026, 9, 1, 8)};
  std::string token;
  {
    auto db = test::open_server_db(dir / "server.db");
    StaffAccounts accounts{db, clock, test::seeded_random(), kTestPasswordCost};
    REQUIRE(accounts.add("anna", StaffRole::desk, kPassword, "cli:root"));
    SignInThrottle throttle{clock, {}};
    StaffAuth auth{db, clock, system_random_bytes(), throttle, test::test_auth_options()};
    auto session = auth.sign_in("anna", kPassword, "192.0.2.10");
    REQUIRE(session);
    token = session->token;
  }
  auto db = test::open_server_db(dir / "server.db");
  SignInThrottle throttle{clock, {}};
  StaffAuth auth{db, clock, system_random_bytes(), throttle, test::test_auth_options()};
  auto session = auth.session(token);
  REQUIRE(session);
  CHECK(session->member.login == "anna");
}
