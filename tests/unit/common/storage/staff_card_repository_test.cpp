#include "storage/staff_card_repository.h"

#include <catch2/catch.hpp>

#include "storage/schema.h"
#include "storage_test_support.h"

using namespace einlass;
using test::open_db;
using test::utc;

TEST_CASE("schema version 2 adds the staff card tables, the replica without names",
          "[storage][staff]") {
  test::TempDir dir;
  auto server = open_db(dir / "s.db", DatabaseKind::server);
  auto kiosk = open_db(dir / "k.db", DatabaseKind::kiosk);
  CHECK(latest_schema_version(DatabaseKind::server) >= 2);
  CHECK(latest_schema_version(DatabaseKind::kiosk) >= 2);
  CHECK(server.connection().tableExists("staff_cards"));
  CHECK_FALSE(server.connection().tableExists("revoked_staff_cards"));
  CHECK(kiosk.connection().tableExists("revoked_staff_cards"));
  CHECK_FALSE(kiosk.connection().tableExists("staff_cards"));
}

TEST_CASE("a version 1 database is migrated to version 2 with its data kept", "[storage][staff]") {
  test::TempDir dir;
  for (auto kind : {DatabaseKind::server, DatabaseKind::kiosk}) {
    const auto path = dir / (kind == DatabaseKind::server ? "s.db" : "k.db");
    {
      // A file as the previous build left it: migration 1 only.
      SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      const auto& v1 = storage_detail::migrations(kind).front();
      REQUIRE(v1.version == 1);
      raw.exec(v1.shared_sql);
      raw.exec(v1.sql);
      raw.exec("PRAGMA application_id = " + std::to_string(storage_detail::application_id(kind)));
      raw.exec("PRAGMA user_version = 1");
      raw.exec("INSERT INTO revocations (ticket_id, revoked_at) VALUES (42, 1000)");
    }
    auto db = open_db(path, kind);
    CHECK(test::pragma_int(db.connection(), "user_version") == latest_schema_version(kind));
    CHECK(db.connection().execAndGet("SELECT count(*) FROM revocations").getInt() == 1);
    StaffCardRepository cards(db);
    CHECK(cards.revoked()->empty());
  }
}

TEST_CASE("the server gives staff cards increasing ids and lists them", "[storage][staff]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  StaffCardRepository cards(db);
  CHECK(cards.add("Anna Schäfer", 1, utc(2026, 9, 1, 10)) == 1u);
  CHECK(cards.add("Ben Okafor", 2, utc(2026, 9, 1, 11)) == 2u);
  CHECK(cards.add("Anna Schäfer", 2, utc(2026, 9, 2, 8)) == 3u);  // a second card, same holder

  auto all = cards.all();
  REQUIRE(all);
  REQUIRE(all->size() == 3);
  CHECK((*all)[0] == StaffCardRecord{1, "Anna Schäfer", 1, utc(2026, 9, 1, 10), {}, ""});
  CHECK((*all)[1] == StaffCardRecord{2, "Ben Okafor", 2, utc(2026, 9, 1, 11), {}, ""});
  CHECK((*all)[2].id == 3);
  CHECK((*cards.find(2))->staff_name == "Ben Okafor");
  CHECK_FALSE(cards.find(9)->has_value());
}

TEST_CASE("revoking a staff card is idempotent, keeps the first time and reason",
          "[storage][staff]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  StaffCardRepository cards(db);
  REQUIRE(cards.add("Anna Schäfer", 1, utc(2026, 9, 1, 10)));
  REQUIRE(cards.add("Ben Okafor", 1, utc(2026, 9, 1, 10)));

  CHECK(cards.is_revoked(1) == false);
  CHECK(cards.revoke(1, utc(2026, 9, 15, 9), "card lost") == StaffCardRevocation::revoked);
  CHECK(cards.revoke(1, utc(2026, 9, 15, 10), "again") == StaffCardRevocation::already_revoked);
  CHECK(cards.revoke(7, utc(2026, 9, 15, 10), "typo") == StaffCardRevocation::no_such_card);
  CHECK(cards.is_revoked(1) == true);
  CHECK(cards.is_revoked(2) == false);
  CHECK(cards.is_revoked(7) == false);

  const auto first = *cards.find(1);
  REQUIRE(first);
  CHECK(first->revoked_at == utc(2026, 9, 15, 9));
  CHECK(first->revoke_reason == "card lost");
  CHECK(cards.revoked() == std::vector<RevokedStaffCard>{{1, utc(2026, 9, 15, 9)}});
}

TEST_CASE("a revoked card's id is never issued again", "[storage][staff]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  StaffCardRepository cards(db);
  REQUIRE(cards.add("Anna Schäfer", 1, utc(2026, 9, 1, 10)) == 1u);
  REQUIRE(cards.add("Ben Okafor", 1, utc(2026, 9, 1, 10)) == 2u);
  // Even if a row disappeared behind our back, AUTOINCREMENT does not hand its id out again.
  db.connection().exec("DELETE FROM staff_cards WHERE card_id = 2");
  CHECK(cards.add("Cem Yılmaz", 1, utc(2026, 9, 1, 12)) == 3u);
}

TEST_CASE("a kiosk stores revoked staff card ids from the server, idempotently",
          "[storage][staff]") {
  test::TempDir dir;
  auto server = open_db(dir / "s.db", DatabaseKind::server);
  auto kiosk = open_db(dir / "k.db", DatabaseKind::kiosk);
  StaffCardRepository on_server(server);
  for (int i = 0; i < 3; ++i) REQUIRE(on_server.add("Staff", 1, utc(2026, 9, 1)));
  REQUIRE(on_server.revoke(3, utc(2026, 9, 15, 9), "left"));
  REQUIRE(on_server.revoke(1, utc(2026, 9, 15, 8), "lost"));

  // What provisioning does: copy the server's revoked list into the replica.
  StaffCardRepository on_kiosk(kiosk);
  const auto from_server = on_server.revoked();
  REQUIRE(from_server);
  REQUIRE(from_server->size() == 2);
  for (const auto& r : *from_server) CHECK(on_kiosk.put_revoked(r.id, r.revoked_at) == true);
  CHECK(on_kiosk.put_revoked(3, utc(2026, 9, 16)) == false);  // a replayed sync

  CHECK(on_kiosk.is_revoked(1) == true);
  CHECK(on_kiosk.is_revoked(2) == false);
  CHECK(on_kiosk.is_revoked(3) == true);
  CHECK(on_kiosk.revoked() ==
        std::vector<RevokedStaffCard>{{1, utc(2026, 9, 15, 8)}, {3, utc(2026, 9, 15, 9)}});
  CHECK(kiosk.connection().execAndGet("SELECT count(*) FROM revoked_staff_cards").getInt() == 2);
}

TEST_CASE("a kiosk clears its revoked staff cards for a snapshot", "[storage][staff]") {
  test::TempDir dir;
  auto kiosk = open_db(dir / "k.db", DatabaseKind::kiosk);
  StaffCardRepository cards(kiosk);
  REQUIRE(cards.put_revoked(1, utc(2026, 9, 15)));
  REQUIRE(cards.put_revoked(4, utc(2026, 9, 15)));
  REQUIRE(cards.clear_revoked());
  CHECK(cards.revoked()->empty());
  CHECK(cards.is_revoked(4) == false);
  CHECK(cards.put_revoked(4, utc(2026, 9, 16)) == true);  // stored anew after the clear

  auto server = open_db(dir / "s.db", DatabaseKind::server);
  auto cleared = StaffCardRepository(server).clear_revoked();
  REQUIRE_FALSE(cleared);
  CHECK(cleared.error().kind == StorageError::Kind::wrong_database_kind);
}

TEST_CASE("staff card calls on the wrong kind of database say so", "[storage][staff]") {
  test::TempDir dir;
  auto server = open_db(dir / "s.db", DatabaseKind::server);
  auto kiosk = open_db(dir / "k.db", DatabaseKind::kiosk);
  auto added = StaffCardRepository(kiosk).add("Anna", 1, utc(2026, 9, 1));
  REQUIRE_FALSE(added);
  CHECK(added.error().kind == StorageError::Kind::wrong_database_kind);
  auto revoked = StaffCardRepository(kiosk).revoke(1, utc(2026, 9, 1), "x");
  REQUIRE_FALSE(revoked);
  CHECK(revoked.error().kind == StorageError::Kind::wrong_database_kind);
  auto put = StaffCardRepository(server).put_revoked(1, utc(2026, 9, 1));
  REQUIRE_FALSE(put);
  CHECK(put.error().kind == StorageError::Kind::wrong_database_kind);
  CHECK_THAT(put.error().message, Catch::Contains("kiosk replica"));
}

TEST_CASE("the database refuses an empty staff name and out-of-range ids", "[storage][staff]") {
  test::TempDir dir;
  auto server = open_db(dir / "s.db", DatabaseKind::server);
  auto kiosk = open_db(dir / "k.db", DatabaseKind::kiosk);
  auto empty = StaffCardRepository(server).add("", 1, utc(2026, 9, 1));
  REQUIRE_FALSE(empty);
  CHECK(empty.error().kind == StorageError::Kind::constraint);
  auto zero = StaffCardRepository(kiosk).put_revoked(0, utc(2026, 9, 1));
  REQUIRE_FALSE(zero);
  CHECK(zero.error().kind == StorageError::Kind::constraint);
}
