#include "storage/kiosk_registry.h"

#include <catch2/catch.hpp>

#include "storage_test_support.h"

using namespace einlass;
using test::open_db;
using test::utc;

TEST_CASE("the kiosk registry keeps first and last contact, connection and reports",
          "[storage][sync]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  KioskRegistry kiosks(db);
  CHECK_FALSE(*kiosks.find("K1"));
  CHECK(*kiosks.disconnected("K1", utc(2026, 3, 28, 8)) == false);

  REQUIRE(kiosks.connected("K1", "0.1.0", "10.0.0.5:5000", utc(2026, 3, 28, 8)));
  REQUIRE(kiosks.connected("K1", "0.1.1", "10.0.0.5:5001", utc(2026, 3, 28, 9)));
  auto row = *kiosks.find("K1");
  REQUIRE(row);
  CHECK(row->connected);
  CHECK(row->software == "0.1.1");
  CHECK(row->address == "10.0.0.5:5001");
  CHECK(row->first_seen == utc(2026, 3, 28, 8));
  CHECK(row->last_seen == utc(2026, 3, 28, 9));
  CHECK(row->health_json == "{}");
  CHECK_FALSE(row->clock_skew_ms);

  REQUIRE(kiosks.report("K1", {R"({"printer":"ok"})", 3, -1500, 7}, utc(2026, 3, 28, 10)));
  row = *kiosks.find("K1");
  CHECK(row->health_json == R"({"printer":"ok"})");
  CHECK(row->unsynced == 3);
  CHECK(row->clock_skew_ms == -1500);
  CHECK(row->last_command == 7);
  CHECK(row->last_seen == utc(2026, 3, 28, 10));

  CHECK(*kiosks.disconnected("K1", utc(2026, 3, 28, 11)) == true);
  CHECK_FALSE((*kiosks.find("K1"))->connected);
  REQUIRE(kiosks.connected("K1", "0.1.1", "a", utc(2026, 3, 28, 12)));
  REQUIRE(kiosks.connected("K2", "0.1.1", "b", utc(2026, 3, 28, 12)));
  CHECK(*kiosks.reset_connections() == 2);
  auto all = *kiosks.all();
  REQUIRE(all.size() == 2);
  CHECK(all[0].kiosk_id == "K1");
  CHECK_FALSE(all[0].connected);
  CHECK_FALSE(all[1].connected);
}

TEST_CASE("revoked kiosk certificates are listed by serial", "[storage][sync]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  db.connection().exec(
      "INSERT INTO kiosk_certificates (serial, kiosk_id, issued_at, not_after, revoked_at) "
      "VALUES ('0B', 'K1', 1, 2, 5), ('0A', 'K2', 1, 2, NULL), ('01', 'K3', 1, 2, 6)");
  CHECK(*KioskRegistry(db).revoked_certificate_serials() == std::vector<std::string>{"01", "0B"});
}
