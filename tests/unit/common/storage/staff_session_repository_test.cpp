#include "storage/staff_session_repository.h"

#include <catch2/catch.hpp>

#include "storage/staff_account_repository.h"
#include "storage_test_support.h"

using namespace einlass;
using test::open_db;
using test::utc;

namespace {

void add_account(Database& db, const std::string& login) {
  const StaffAccountRecord record{
      login, "desk", "$argon2id$v=19$m=8,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$" + std::string(43, 'B'),
      utc(2026, 9, 1, 8), std::nullopt};
  REQUIRE(StaffAccountRepository{db}.add(record) == true);
}

StaffSessionRecord session(char digit, std::string login, Timestamp created, Timestamp expires) {
  return StaffSessionRecord{std::string(64, digit), std::move(login), std::string("csrf-") + digit,
                            created, expires};
}

}  // namespace

TEST_CASE("staff sessions are stored, found by token hash and listed per login",
          "[storage][staff]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  add_account(db, "anna");
  add_account(db, "ben");
  StaffSessionRepository sessions{db};
  const auto a1 = session('1', "anna", utc(2026, 9, 1, 9), utc(2026, 9, 1, 21));
  const auto a2 = session('2', "anna", utc(2026, 9, 1, 10), utc(2026, 9, 1, 22));
  const auto b1 = session('3', "ben", utc(2026, 9, 1, 9), utc(2026, 9, 1, 21));
  REQUIRE(sessions.add(a2));
  REQUIRE(sessions.add(a1));
  REQUIRE(sessions.add(b1));

  auto found = sessions.find(std::string(64, '2'));
  REQUIRE(found);
  REQUIRE(found->has_value());
  CHECK(**found == a2);
  CHECK(sessions.find(std::string(64, '9'))->has_value() == false);

  auto annas = sessions.for_login("anna");
  REQUIRE(annas);
  CHECK(*annas == std::vector{a1, a2});  // oldest first

  auto again = sessions.add(a1);  // the same token hash twice
  REQUIRE_FALSE(again);
  CHECK(again.error().kind == StorageError::Kind::constraint);
}

TEST_CASE("a session needs an existing account and a 64-digit hash", "[storage][staff]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  add_account(db, "anna");
  StaffSessionRepository sessions{db};
  auto orphan = sessions.add(session('1', "nobody", utc(2026, 9, 1, 9), utc(2026, 9, 1, 21)));
  REQUIRE_FALSE(orphan);
  CHECK(orphan.error().kind == StorageError::Kind::constraint);
  auto s = session('1', "anna", utc(2026, 9, 1, 9), utc(2026, 9, 1, 21));
  s.token_hash = "abc";
  auto short_hash = sessions.add(s);
  REQUIRE_FALSE(short_hash);
  CHECK(short_hash.error().kind == StorageError::Kind::constraint);
  CHECK(db.connection().execAndGet("SELECT count(*) FROM staff_sessions").getInt() == 0);
}

TEST_CASE("sessions end one by one, per login, or when expired", "[storage][staff]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  add_account(db, "anna");
  add_account(db, "ben");
  StaffSessionRepository sessions{db};
  REQUIRE(sessions.add(session('1', "anna", utc(2026, 9, 1, 9), utc(2026, 9, 1, 21))));
  REQUIRE(sessions.add(session('2', "anna", utc(2026, 9, 1, 10), utc(2026, 9, 1, 22))));
  REQUIRE(sessions.add(session('3', "ben", utc(2026, 9, 1, 9), utc(2026, 9, 1, 21))));
  REQUIRE(sessions.add(session('4', "ben", utc(2026, 9, 1, 11), utc(2026, 9, 1, 23))));

  CHECK(sessions.remove(std::string(64, '1')) == true);
  CHECK(sessions.remove(std::string(64, '1')) == false);
  CHECK(sessions.remove_for_login("anna") == 1);
  CHECK(sessions.for_login("anna")->empty());

  // Expired means expires_at at or before now.
  CHECK(sessions.remove_expired(utc(2026, 9, 1, 20)) == 0);
  CHECK(sessions.remove_expired(utc(2026, 9, 1, 21)) == 1);
  auto left = sessions.for_login("ben");
  REQUIRE(left);
  REQUIRE(left->size() == 1);
  CHECK(left->front().token_hash == std::string(64, '4'));
}
