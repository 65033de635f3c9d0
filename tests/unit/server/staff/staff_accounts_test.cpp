#include <catch2/catch.hpp>

#include "staff/secret_text.h"
#include "staff/staff_auth.h"
#include "staff_test_support.h"
#include "storage/staff_account_repository.h"

using namespace einlass;
using namespace std::chrono_literals;
using test::StaffFixture;

TEST_CASE("an added account is listed and stored with an Argon2id hash of the configured cost",
          "[staff][accounts]") {
  StaffFixture f;
  auto added = f.accounts.add("Anna", StaffRole::desk, "correct horse battery", "cli:root");
  REQUIRE(added);
  const StaffMember anna{"anna", StaffRole::desk, test::utc(2026, 9, 1, 8), std::nullopt};
  CHECK(*added == anna);
  auto listed = f.accounts.list();
  REQUIRE(listed);
  CHECK(*listed == std::vector{anna});
  CHECK(f.accounts.find("anna") == anna);

  auto stored = StaffAccountRepository{f.db}.find("anna");
  REQUIRE(stored);
  REQUIRE(stored->has_value());
  CHECK((*stored)->password_hash.starts_with("$argon2id$v=19$m=8,t=1,p=1$"));
  CHECK(verify_password((*stored)->password_hash, "correct horse battery") == PasswordCheck::match);
  CHECK_FALSE(test::stored_anywhere(f.db, "correct horse battery"));

  auto audit = test::audit_entries(f.db);
  REQUIRE(audit.size() == 1);
  CHECK(audit[0] ==
        AuditEntry{audit[0].id, test::utc(2026, 9, 1, 8), "cli:root", "staff_add", "anna", "desk"});
}

TEST_CASE("the cost of new hashes comes from the constructor", "[staff][accounts]") {
  StaffFixture f;
  StaffAccounts costly{f.db, f.clock, test::seeded_random(), PasswordCost{2, 32, 1}};
  REQUIRE(costly.add("ben", StaffRole::viewer, "correct horse battery", "cli:root"));
  CHECK((**StaffAccountRepository{f.db}.find("ben"))
            .password_hash.starts_with("$argon2id$v=19$m=32,t=2,p=1$"));
}

TEST_CASE("list is by login and shows disabled accounts", "[staff][accounts]") {
  StaffFixture f;
  f.add("carl", StaffRole::admin, "correct horse battery");
  f.clock.advance(1min);
  f.add("anna", StaffRole::viewer, "correct horse battery");
  f.clock.advance(1min);
  REQUIRE(f.accounts.disable("carl", "cli:root"));
  auto listed = f.accounts.list();
  REQUIRE(listed);
  REQUIRE(listed->size() == 2);
  CHECK((*listed)[0].login == "anna");
  CHECK((*listed)[1] == StaffMember{"carl", StaffRole::admin, test::utc(2026, 9, 1, 8),
                                    test::utc(2026, 9, 1, 8, 2)});
}

TEST_CASE("a taken login is refused and nothing is written", "[staff][accounts]") {
  StaffFixture f;
  f.add("anna", StaffRole::desk, "correct horse battery");
  for (const auto* login : {"anna", "ANNA"}) {
    auto again = f.accounts.add(login, StaffRole::admin, "another password", "cli:root");
    REQUIRE_FALSE(again);
    CHECK(again.error().kind == AuthError::Kind::exists);
    CHECK(again.error().message == "the login anna is taken");
  }
  CHECK(f.accounts.find("anna")->role == StaffRole::desk);
  CHECK(test::audit_entries(f.db).size() == 1);
}

TEST_CASE("a bad login, a short password or no actor is refused with the rule",
          "[staff][accounts]") {
  StaffFixture f;
  for (const auto* login : {"", "anna schmidt", "müller", "anna;drop", "x/y"}) {
    INFO(login);
    auto refused = f.accounts.add(login, StaffRole::desk, "correct horse battery", "cli:root");
    REQUIRE_FALSE(refused);
    CHECK(refused.error().kind == AuthError::Kind::invalid);
    CHECK(refused.error().message == "a login is 1 to 64 characters of a-z, 0-9, '.', '_' and '-'");
  }
  auto too_long =
      f.accounts.add(std::string(65, 'a'), StaffRole::desk, "correct horse battery", "cli:root");
  REQUIRE_FALSE(too_long);
  CHECK(too_long.error().kind == AuthError::Kind::invalid);

  auto short_password = f.accounts.add("anna", StaffRole::desk, "123456789", "cli:root");
  REQUIRE_FALSE(short_password);
  CHECK(short_password.error().kind == AuthError::Kind::invalid);
  CHECK(short_password.error().message == "a password needs at least 10 characters");
  CHECK(short_password.error().message.find("123456789") == std::string::npos);

  auto no_actor = f.accounts.add("anna", StaffRole::desk, "correct horse battery", "");
  REQUIRE_FALSE(no_actor);
  CHECK(no_actor.error().kind == AuthError::Kind::invalid);

  CHECK(f.accounts.list()->empty());
  CHECK(test::audit_entries(f.db).empty());
}

TEST_CASE("an account change and its audit entry are committed together", "[staff][accounts]") {
  StaffFixture f;
  f.db.connection().exec(
      "CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN "
      "SELECT RAISE(ABORT, 'refused by the test'); END");
  auto added = f.accounts.add("anna", StaffRole::desk, "correct horse battery", "cli:root");
  REQUIRE_FALSE(added);
  CHECK(added.error().kind == AuthError::Kind::storage);
  CHECK(f.accounts.list()->empty());

  f.db.connection().exec("DROP TRIGGER refuse_audit");
  f.add("anna", StaffRole::desk, "correct horse battery");
  f.db.connection().exec(
      "CREATE TEMP TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN "
      "SELECT RAISE(ABORT, 'refused by the test'); END");
  CHECK_FALSE(f.accounts.set_role("anna", StaffRole::admin, "cli:root"));
  CHECK_FALSE(f.accounts.disable("anna", "cli:root"));
  CHECK(f.accounts.find("anna") ==
        StaffMember{"anna", StaffRole::desk, test::utc(2026, 9, 1, 8), std::nullopt});
}

TEST_CASE("a role change is audited and shows in the account", "[staff][accounts]") {
  StaffFixture f;
  f.add("anna", StaffRole::viewer, "correct horse battery");
  f.clock.advance(1h);
  REQUIRE(f.accounts.set_role("anna", StaffRole::admin, "staff:carl"));
  CHECK(f.accounts.find("anna")->role == StaffRole::admin);
  auto audit = test::audit_entries(f.db, "staff_role");
  REQUIRE(audit.size() == 1);
  CHECK(audit[0] == AuditEntry{audit[0].id, test::utc(2026, 9, 1, 9), "staff:carl", "staff_role",
                               "anna", "admin"});

  auto unknown = f.accounts.set_role("nobody", StaffRole::admin, "staff:carl");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().kind == AuthError::Kind::not_found);
  CHECK(unknown.error().message == "no staff account nobody");
}

TEST_CASE("a new password replaces the old one and ends the sessions", "[staff][accounts]") {
  StaffFixture f;
  f.add("anna", StaffRole::desk, "correct horse battery");
  auto session = f.auth.sign_in("anna", "correct horse battery", "10.0.0.1");
  REQUIRE(session);
  REQUIRE(f.accounts.set_password("anna", "tr0ub4dor&3-again", "cli:root"));
  CHECK_FALSE(f.auth.session(session->token));
  CHECK(test::count_rows(f.db, "staff_sessions") == 0);
  CHECK_FALSE(f.auth.sign_in("anna", "correct horse battery", "10.0.0.1"));
  CHECK(f.auth.sign_in("anna", "tr0ub4dor&3-again", "10.0.0.1"));
  auto audit = test::audit_entries(f.db, "staff_password");
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].subject == "anna");
  CHECK(audit[0].who == "cli:root");
  CHECK_FALSE(test::stored_anywhere(f.db, "tr0ub4dor"));

  auto short_one = f.accounts.set_password("anna", "short", "cli:root");
  REQUIRE_FALSE(short_one);
  CHECK(short_one.error().kind == AuthError::Kind::invalid);
  auto unknown = f.accounts.set_password("nobody", "correct horse battery", "cli:root");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().kind == AuthError::Kind::not_found);
}

TEST_CASE("disabling ends the sessions at once and stops sign-in", "[staff][accounts]") {
  StaffFixture f;
  f.add("anna", StaffRole::desk, "correct horse battery");
  f.add("ben", StaffRole::desk, "correct horse battery");
  auto first = f.auth.sign_in("anna", "correct horse battery", "10.0.0.1");
  auto second = f.auth.sign_in("anna", "correct horse battery", "10.0.0.2");
  auto bens = f.auth.sign_in("ben", "correct horse battery", "10.0.0.3");
  REQUIRE(first);
  REQUIRE(second);
  REQUIRE(bens);
  REQUIRE(f.auth.session(first->token));

  f.clock.advance(1min);
  REQUIRE(f.accounts.disable("anna", "staff:ben"));
  for (const auto& s : {*first, *second}) {
    auto gone = f.auth.session(s.token);
    REQUIRE_FALSE(gone);
    CHECK(gone.error().kind == AuthError::Kind::unauthenticated);
  }
  CHECK(f.auth.session(bens->token));
  CHECK(test::count_rows(f.db, "staff_sessions") == 1);

  auto refused = f.auth.sign_in("anna", "correct horse battery", "10.0.0.1");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == AuthError::Kind::bad_credentials);

  CHECK(f.accounts.find("anna")->disabled_at == test::utc(2026, 9, 1, 8, 1));
  auto audit = test::audit_entries(f.db, "staff_disable");
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].who == "staff:ben");
  CHECK(audit[0].subject == "anna");

  // Again: nothing changes, nothing is audited twice.
  REQUIRE(f.accounts.disable("anna", "staff:ben"));
  CHECK(test::audit_entries(f.db, "staff_disable").size() == 1);
  auto unknown = f.accounts.disable("nobody", "staff:ben");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().kind == AuthError::Kind::not_found);
}
