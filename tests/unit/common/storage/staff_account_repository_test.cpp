#include "storage/staff_account_repository.h"

#include <catch2/catch.hpp>

#include "storage/audit_repository.h"
#include "storage/schema.h"
#include "storage/staff_session_repository.h"
#include "storage_test_support.h"

using namespace einlass;
using test::open_db;
using test::utc;

namespace {

const std::string kHash =
    "$argon2id$v=19$m=8,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$" + std::string(43, 'B');

StaffAccountRecord account(std::string login, std::string role = "desk",
                           Timestamp created = utc(2026, 9, 1, 10)) {
  return StaffAccountRecord{std::move(login), std::move(role), kHash, created, std::nullopt};
}

}  // namespace

TEST_CASE("a version 3 server database is migrated to version 4 with the staff tables",
          "[storage][staff]") {
  test::TempDir dir;
  const auto path = dir / "s.db";
  {
    // A file as the previous build left it: migrations 1 to 3, and an audit entry.
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const auto& m : storage_detail::migrations(DatabaseKind::server)) {
      if (m.version > 3) break;
      if (m.shared_sql != nullptr) raw.exec(m.shared_sql);
      raw.exec(m.sql);
    }
    raw.exec("PRAGMA application_id = " +
             std::to_string(storage_detail::application_id(DatabaseKind::server)));
    raw.exec("PRAGMA user_version = 3");
    raw.exec(
        "INSERT INTO audit_log (at, who, action, subject) VALUES (1000, 'cli:root', 'revoke', "
        "'T000001')");
    REQUIRE_FALSE(raw.tableExists("staff_accounts"));
  }
  auto db = open_db(path, DatabaseKind::server);
  CHECK(latest_schema_version(DatabaseKind::server) == 4);
  CHECK(test::pragma_int(db.connection(), "user_version") == 4);
  CHECK(db.connection().tableExists("staff_accounts"));
  CHECK(db.connection().tableExists("staff_sessions"));
  CHECK(db.connection()
            .execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                        "name = 'staff_sessions_by_login'")
            .getInt() == 1);
  auto audit = AuditRepository{db}.all();
  REQUIRE(audit);
  REQUIRE(audit->size() == 1);
  CHECK(audit->front().action == "revoke");

  StaffAccountRepository accounts{db};
  CHECK(accounts.add(account("anna")) == true);
  CHECK(accounts.all()->size() == 1);
}

TEST_CASE("the kiosk replica has no staff accounts", "[storage][staff][privacy]") {
  test::TempDir dir;
  auto kiosk = open_db(dir / "k.db", DatabaseKind::kiosk);
  CHECK_FALSE(kiosk.connection().tableExists("staff_accounts"));
  CHECK_FALSE(kiosk.connection().tableExists("staff_sessions"));
  auto refused = StaffAccountRepository{kiosk}.all();
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == StorageError::Kind::wrong_database_kind);
}

TEST_CASE("staff accounts are added once, found and listed by login", "[storage][staff]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  StaffAccountRepository accounts{db};
  CHECK(accounts.add(account("ben", "admin", utc(2026, 9, 1, 11))) == true);
  CHECK(accounts.add(account("anna")) == true);
  CHECK(accounts.add(account("anna", "viewer")) == false);  // taken: the first one stays

  auto anna = accounts.find("anna");
  REQUIRE(anna);
  REQUIRE(anna->has_value());
  CHECK(**anna == account("anna"));
  CHECK(accounts.find("nobody")->has_value() == false);

  auto all = accounts.all();
  REQUIRE(all);
  REQUIRE(all->size() == 2);
  CHECK((*all)[0].login == "anna");
  CHECK((*all)[0].role == "desk");
  CHECK((*all)[1] == account("ben", "admin", utc(2026, 9, 1, 11)));
}

TEST_CASE("the schema refuses a bad login, an unknown role and a hash that is not Argon2id",
          "[storage][staff]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  StaffAccountRepository accounts{db};
  for (const auto* login : {"Anna", "", "anna schmidt", "müller", "a;b"}) {
    INFO(login);
    auto added = accounts.add(account(login));
    REQUIRE_FALSE(added);
    CHECK(added.error().kind == StorageError::Kind::constraint);
  }
  CHECK(accounts.add(account(std::string(64, 'a'))) == true);
  CHECK_FALSE(accounts.add(account(std::string(65, 'b'))));
  CHECK(accounts.add(account("a.b_c-9")) == true);

  auto boss = accounts.add(account("carl", "boss"));
  REQUIRE_FALSE(boss);
  CHECK(boss.error().kind == StorageError::Kind::constraint);

  auto plain = account("dora");
  plain.password_hash = "secret-password";
  auto refused = accounts.add(plain);
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == StorageError::Kind::constraint);
  CHECK(accounts.find("dora")->has_value() == false);
}

TEST_CASE("password hash and role change only existing accounts", "[storage][staff]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  StaffAccountRepository accounts{db};
  REQUIRE(accounts.add(account("anna")) == true);
  const std::string other =
      "$argon2id$v=19$m=8,t=1,p=1$BBBBBBBBBBBBBBBBBBBBBB$" + std::string(43, 'C');
  CHECK(accounts.set_password_hash("anna", other) == true);
  CHECK(accounts.set_role("anna", "admin") == true);
  CHECK(accounts.set_password_hash("nobody", other) == false);
  CHECK(accounts.set_role("nobody", "admin") == false);
  CHECK_FALSE(accounts.set_role("anna", "boss"));
  auto anna = **accounts.find("anna");
  CHECK(anna.password_hash == other);
  CHECK(anna.role == "admin");
}

TEST_CASE("disabling keeps the first time and tells an unknown login apart", "[storage][staff]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  StaffAccountRepository accounts{db};
  REQUIRE(accounts.add(account("anna")) == true);
  CHECK(accounts.disable("anna", utc(2026, 9, 2, 8)) == StaffAccountDisabling::disabled);
  CHECK(accounts.disable("anna", utc(2026, 9, 3, 8)) == StaffAccountDisabling::already_disabled);
  CHECK(accounts.disable("nobody", utc(2026, 9, 3, 8)) == StaffAccountDisabling::no_such_account);
  auto anna = **accounts.find("anna");
  CHECK(anna.disabled());
  CHECK(anna.disabled_at == utc(2026, 9, 2, 8));
}
