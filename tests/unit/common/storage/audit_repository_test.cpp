#include "storage/audit_repository.h"

#include <catch2/catch.hpp>

#include "storage_test_support.h"

using namespace einlass;
using test::open_db;

TEST_CASE("audit entries keep who, when, what and why in the order they were written",
          "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  AuditRepository audit(db);
  const AuditEntry revoke{0,         test::utc(2026, 3, 28, 9), "desk-anna", "revoke",
                          "T000005", "ticket reported stolen"};
  const AuditEntry cancel{0, test::utc(2026, 3, 28, 8), "organiser", "cancel", "T000007", ""};
  auto first = audit.append(revoke);
  auto second = audit.append(cancel);
  REQUIRE(first);
  REQUIRE(second);
  CHECK(*second > *first);
  auto all = *audit.all();
  REQUIRE(all.size() == 2);
  CHECK(all[0].who == "desk-anna");
  CHECK(all[0].why == "ticket reported stolen");
  CHECK(all[0].at == test::utc(2026, 3, 28, 9));
  CHECK(all[1].action == "cancel");
}

TEST_CASE("an audit entry without who or action is refused and nothing is written", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  AuditRepository audit(db);
  auto refused = audit.append({0, test::utc(2026, 3, 28), "", "revoke", "T000001", "x"});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == StorageError::Kind::constraint);
  CHECK_FALSE(audit.append({0, test::utc(2026, 3, 28), "anna", "", "T000001", "x"}));
  CHECK(audit.all()->empty());
}

TEST_CASE("a kiosk replica keeps no audit log", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "k.db", DatabaseKind::kiosk);
  auto refused = AuditRepository(db).append({0, test::utc(2026, 3, 28), "a", "b", "", ""});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == StorageError::Kind::wrong_database_kind);
}
