#include "storage/command_repository.h"

#include <catch2/catch.hpp>

#include "storage/sync_log_repository.h"
#include "storage_test_support.h"

using namespace einlass;
using test::open_db;
using test::utc;

TEST_CASE("kiosk commands get growing ids and are read per kiosk after an id", "[storage][sync]") {
  test::TempDir dir;
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  CommandRepository commands(db);
  const auto before = *SyncLogRepository(db).latest_id();
  KioskCommand reprint{0,      "K1",         KioskCommandKind::reprint, 42,
                       "anna", "badge torn", utc(2026, 3, 28, 9)};
  const auto first = commands.add(reprint);
  REQUIRE(first);
  const auto second =
      commands.add({0, "K2", KioskCommandKind::pause, std::nullopt, "anna", "", utc(2026, 3, 28)});
  const auto third =
      commands.add({0, "K1", KioskCommandKind::resume, std::nullopt, "ben", "", utc(2026, 3, 28)});
  REQUIRE(second);
  REQUIRE(third);
  CHECK(*first < *second);
  CHECK(*second < *third);

  auto k1 = *commands.after("K1", 0);
  REQUIRE(k1.size() == 2);
  reprint.id = *first;
  CHECK(k1[0] == reprint);
  CHECK(k1[1].kind == KioskCommandKind::resume);
  CHECK_FALSE(k1[1].ticket_id);
  CHECK(commands.after("K1", *first)->size() == 1);
  CHECK(commands.after("K1", *third)->empty());
  CHECK(commands.after("K3", 0)->empty());
  // Each command is a sync_log row, so the running server notices it.
  auto log = *SyncLogRepository(db).entries_after(before, 10);
  REQUIRE(log.size() == 3);
  CHECK(log[0].kind == SyncLogKind::command);
  CHECK(log[0].kiosk_id == "K1");
}
