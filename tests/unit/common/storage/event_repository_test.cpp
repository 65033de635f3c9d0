#include "storage/event_repository.h"

#include <catch2/catch.hpp>

#include "storage/attendee_repository.h"
#include "storage_test_support.h"

using namespace einlass;
using test::open_db;

TEST_CASE("a fresh database has no event", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "server.db", DatabaseKind::server);
  auto event = EventRepository(db).load();
  REQUIRE(event);
  CHECK_FALSE(event->has_value());
}

TEST_CASE("an event with its categories is stored and loaded unchanged", "[storage]") {
  test::TempDir dir;
  for (auto kind : {DatabaseKind::server, DatabaseKind::kiosk}) {
    auto db = open_db(dir / (kind == DatabaseKind::server ? "s.db" : "k.db"), kind);
    EventRepository events(db);
    auto saved = test::sample_event();
    saved.categories.push_back({9, "vip", "Ehrengast", "Guest of honour", "#FFD700"});
    REQUIRE(events.save(saved));
    auto loaded = events.load();
    REQUIRE(loaded);
    REQUIRE(loaded->has_value());
    const EventConfig& e = **loaded;
    CHECK(e.id == saved.id);
    CHECK(e.name == saved.name);
    CHECK(e.time_zone == saved.time_zone);
    CHECK(e.first_day == saved.first_day);
    CHECK(e.day_count == saved.day_count);
    CHECK(e.reentry == saved.reentry);
    CHECK(e.categories == saved.categories);
  }
}

TEST_CASE("saving the event again replaces it and its categories", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "server.db", DatabaseKind::server);
  EventRepository events(db);
  REQUIRE(events.save(test::sample_event()));
  auto changed = test::sample_event();
  changed.name = "Digitaler Staat 2026 (verlängert)";
  changed.day_count = 3;
  changed.categories.resize(2);
  REQUIRE(events.save(changed));
  auto loaded = events.load();
  REQUIRE(loaded);
  CHECK((*loaded)->name == changed.name);
  CHECK((*loaded)->day_count == 3);
  CHECK((*loaded)->categories == changed.categories);
}

TEST_CASE("a category still used by an attendee cannot be dropped from the event", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "server.db", DatabaseKind::server);
  ManualClock clock{test::utc(2026, 3, 1)};
  EventRepository events(db);
  REQUIRE(events.save(test::sample_event()));
  REQUIRE(AttendeeRepository(db, clock).upsert(std::vector{test::reg("A-1", "Anna", 5)}));

  auto fewer = test::sample_event();
  fewer.categories.resize(2);  // drops code 5
  auto saved = events.save(fewer);
  REQUIRE_FALSE(saved);
  CHECK(saved.error().kind == StorageError::Kind::constraint);
  CHECK((*events.load())->categories == test::sample_event().categories);
}

TEST_CASE("an event with an impossible first day is refused", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "server.db", DatabaseKind::server);
  auto bad = test::sample_event();
  bad.first_day = std::chrono::year{2026} / 2 / 30;
  auto saved = EventRepository(db).save(bad);
  REQUIRE_FALSE(saved);
  CHECK(saved.error().kind == StorageError::Kind::constraint);
}
