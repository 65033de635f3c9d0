#include "storage/revocation_repository.h"

#include <catch2/catch.hpp>

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
