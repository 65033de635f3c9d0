#include "storage/kiosk_state_repository.h"

#include <catch2/catch.hpp>

#include "storage/print_job_repository.h"
#include "storage_test_support.h"

using namespace einlass;
using test::open_db;

TEST_CASE("a fresh replica starts at sequence 1 with an empty clock and cursor", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  KioskStateRepository state(db);
  CHECK(state.next_sequence() == std::uint64_t{1});
  CHECK(state.last_hlc() == Hlc{});
  CHECK(state.sync_cursor() == std::string());
}

TEST_CASE("the last clock stamp only moves forward", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  KioskStateRepository state(db);
  REQUIRE(state.observe_hlc({5000, 2}));
  REQUIRE(state.observe_hlc({5000, 1}));
  REQUIRE(state.observe_hlc({4000, 9}));
  CHECK(state.last_hlc() == Hlc{5000, 2});
  REQUIRE(state.observe_hlc({5001, 0}));
  CHECK(state.last_hlc() == Hlc{5001, 0});
}

TEST_CASE("kiosk counters survive reopening the replica", "[storage]") {
  test::TempDir dir;
  {
    auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
    ManualClock clock{test::utc(2026, 3, 28, 8)};
    REQUIRE(
        PrintJobRepository(db, clock).commit_admission(test::admission("kiosk-1", 1, 42, 7000, 3)));
    REQUIRE(KioskStateRepository(db).set_sync_cursor("c-1234"));
  }
  auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  KioskStateRepository state(db);
  CHECK(state.next_sequence() == std::uint64_t{2});
  CHECK(state.last_hlc() == Hlc{7000, 3});
  CHECK(state.sync_cursor() == std::string("c-1234"));
}

TEST_CASE("the server database has no kiosk counters", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "server.db", DatabaseKind::server);
  auto next = KioskStateRepository(db).next_sequence();
  REQUIRE_FALSE(next);
  CHECK(next.error().kind == StorageError::Kind::wrong_database_kind);
}
