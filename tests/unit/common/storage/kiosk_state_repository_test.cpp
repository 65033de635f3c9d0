#include "storage/kiosk_state_repository.h"

#include <catch2/catch.hpp>

#include "storage/admission_log.h"
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

TEST_CASE(
    "a replica claimed by a kiosk continues after that kiosk's stored events and refuses "
    "another kiosk",
    "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  ManualClock clock{test::utc(2026, 3, 28, 8)};
  // What the server knew when the kiosk was provisioned again: K1's events 1..3 and one of K2.
  const std::vector<AdmissionEvent> known{
      test::admission("K1", 1, 10, 1000), test::admission("K1", 2, 11, 2000),
      test::admission("K1", 3, 12, 3000), test::admission("K2", 9, 13, 9000, 4)};
  REQUIRE(AdmissionLog(db, clock).append_batch(known));
  KioskStateRepository state(db);
  REQUIRE(state.claim("K1"));
  CHECK(state.next_sequence() == std::uint64_t{4});
  CHECK(state.last_hlc() == Hlc{9000, 4});
  REQUIRE(state.claim("K1"));  // again: nothing changes
  CHECK(state.next_sequence() == std::uint64_t{4});
  auto other = state.claim("K2");
  REQUIRE_FALSE(other);
  CHECK(other.error().kind == StorageError::Kind::constraint);
  CHECK(other.error().message.find("\"K1\"") != std::string::npos);
}

TEST_CASE("claiming a fresh replica keeps sequence 1", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  KioskStateRepository state(db);
  REQUIRE(state.claim("K7"));
  CHECK(state.next_sequence() == std::uint64_t{1});
}

TEST_CASE("the acknowledged mark and the last command only move forward and survive reopening",
          "[storage]") {
  test::TempDir dir;
  {
    auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
    KioskStateRepository state(db);
    CHECK(state.acked_sequence() == std::uint64_t{0});
    CHECK(state.last_command() == std::uint64_t{0});
    CHECK(state.raise_acked_sequence(500) == true);
    CHECK(state.raise_acked_sequence(200) == false);
    REQUIRE(state.set_last_command(12));
    REQUIRE(state.set_last_command(3));
  }
  auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  KioskStateRepository state(db);
  CHECK(state.acked_sequence() == std::uint64_t{500});
  CHECK(state.last_command() == std::uint64_t{12});
}

TEST_CASE("the kiosk id is known once claimed; the next sequence number can only be raised",
          "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  KioskStateRepository state(db);
  auto unclaimed = state.kiosk_id();
  REQUIRE(unclaimed);
  CHECK_FALSE(unclaimed->has_value());
  REQUIRE(state.claim("K4"));
  auto claimed = state.kiosk_id();
  REQUIRE(claimed);
  CHECK(claimed->value_or("") == "K4");
  REQUIRE(state.raise_next_sequence(40));
  REQUIRE(state.raise_next_sequence(7));
  CHECK(state.next_sequence() == std::uint64_t{40});
}
