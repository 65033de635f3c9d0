#include "storage/revocation_repository.h"

#include <catch2/catch.hpp>

#include <vector>

#include "storage_test_support.h"

using namespace einlass;
using test::open_db;

TEST_CASE("revoking a ticket is idempotent and keeps the first revocation", "[storage]") {
  test::TempDir dir;
  for (auto kind : {DatabaseKind::server, DatabaseKind::kiosk}) {
    auto db = open_db(dir / (kind == DatabaseKind::server ? "s.db" : "k.db"), kind);
    RevocationRepository revocations(db);
    CHECK(revocations.is_revoked(5) == false);
    CHECK(revocations.revoke(5, test::utc(2026, 3, 28, 9), "lost ticket") == true);
    CHECK(revocations.revoke(5, test::utc(2026, 3, 28, 10), "again") == false);
    CHECK(revocations.is_revoked(5) == true);
    CHECK(revocations.revoke(3, test::utc(2026, 3, 28, 11), "") == true);

    auto all = *revocations.all();
    REQUIRE(all.size() == 2);
    CHECK(all[0] == Revocation{3, test::utc(2026, 3, 28, 11), ""});
    CHECK(all[1] == Revocation{5, test::utc(2026, 3, 28, 9), "lost ticket"});
  }
}

TEST_CASE("a kiosk puts the server's revocations, replacing time and reason", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "k.db", DatabaseKind::kiosk);
  RevocationRepository revocations(db);
  REQUIRE(revocations.revoke(5, test::utc(2026, 3, 28, 9), "lost ticket"));
  const std::vector<Revocation> from_server{{5, test::utc(2026, 3, 28, 10), "stolen"},
                                            {7, test::utc(2026, 3, 28, 11), "duplicate"}};
  REQUIRE(revocations.put(from_server));
  CHECK(revocations.all() == from_server);
  REQUIRE(revocations.put(from_server));  // replayed: the same rows
  CHECK(revocations.all() == from_server);
}

TEST_CASE("withdrawing revocations counts those that were there", "[storage]") {
  test::TempDir dir;
  for (auto kind : {DatabaseKind::server, DatabaseKind::kiosk}) {
    auto db = open_db(dir / (kind == DatabaseKind::server ? "s.db" : "k.db"), kind);
    RevocationRepository revocations(db);
    REQUIRE(revocations.revoke(3, test::utc(2026, 3, 28, 9), "a"));
    REQUIRE(revocations.revoke(5, test::utc(2026, 3, 28, 9), "b"));
    CHECK(revocations.withdraw(std::vector<TicketId>{5, 8}) == std::size_t{1});
    CHECK(revocations.is_revoked(5) == false);
    CHECK(revocations.is_revoked(3) == true);
    CHECK(revocations.withdraw(std::vector<TicketId>{5}) == std::size_t{0});
  }
}

TEST_CASE("a withdrawal on the server is recorded for sync", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  RevocationRepository revocations(db);
  REQUIRE(revocations.revoke(3, test::utc(2026, 3, 28, 9), "a"));
  const auto logged = [&] {
    return db.connection()
        .execAndGet("SELECT count(*) FROM sync_log WHERE kind = 'revocation' AND ticket_id = 3")
        .getInt();
  };
  const int before = logged();
  REQUIRE(revocations.withdraw(std::vector<TicketId>{3}) == std::size_t{1});
  CHECK(logged() == before + 1);
}

TEST_CASE("a kiosk clears its revocations for a snapshot; the server refuses put and clear",
          "[storage]") {
  test::TempDir dir;
  auto kiosk = open_db(dir / "k.db", DatabaseKind::kiosk);
  REQUIRE(RevocationRepository(kiosk).revoke(3, test::utc(2026, 3, 28, 9), "a"));
  REQUIRE(RevocationRepository(kiosk).clear());
  CHECK(RevocationRepository(kiosk).all()->empty());

  auto server = open_db(dir / "s.db", DatabaseKind::server);
  RevocationRepository on_server(server);
  REQUIRE(on_server.revoke(3, test::utc(2026, 3, 28, 9), "a"));
  auto put = on_server.put(std::vector<Revocation>{{4, test::utc(2026, 3, 28, 9), "b"}});
  REQUIRE_FALSE(put);
  CHECK(put.error().kind == StorageError::Kind::wrong_database_kind);
  auto cleared = on_server.clear();
  REQUIRE_FALSE(cleared);
  CHECK(cleared.error().kind == StorageError::Kind::wrong_database_kind);
  CHECK(on_server.all()->size() == 1);
}
