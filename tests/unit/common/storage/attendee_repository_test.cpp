#include "storage/attendee_repository.h"

#include <catch2/catch.hpp>

#include <vector>

#include "storage/event_repository.h"
#include "storage_test_support.h"

using namespace einlass;
using test::open_db;
using test::reg;

namespace {

struct ServerFixture {
  test::TempDir dir;
  Database db = open_db(dir / "server.db", DatabaseKind::server);
  ManualClock clock{test::utc(2026, 3, 1, 12)};
  AttendeeRepository attendees{db, clock};
  ServerFixture() { REQUIRE(EventRepository(db).save(test::sample_event())); }
};

}  // namespace

TEST_CASE("importing new registrations assigns ticket ids 1, 2, 3 in order", "[storage]") {
  ServerFixture f;
  const std::vector regs{reg("a", "Anna"), reg("b", "Bernd"), reg("c", "Clara")};
  auto summary = f.attendees.upsert(regs);
  REQUIRE(summary);
  CHECK(*summary == ImportSummary{3, 0, 0});
  auto all = *f.attendees.all();
  REQUIRE(all.size() == 3);
  CHECK(all[0].record.ticket_id == 1);
  CHECK(all[0].external_id == "a");
  CHECK(all[2].record.ticket_id == 3);
  CHECK(all[2].record.display_name == "Clara");
  CHECK(all[2].email == "c@example.org");
  CHECK(all[2].record.organisation == "Bundesamt für Beispiele");
}

TEST_CASE("re-importing updates by external id, keeps ticket ids and adds no duplicates",
          "[storage]") {
  ServerFixture f;
  REQUIRE(f.attendees.upsert(std::vector{reg("a", "Anna"), reg("b", "Bernd")}));

  auto renamed = reg("b", "Bernd Beispiel", 2, 0b01);
  const std::vector second{reg("a", "Anna"), renamed, reg("c", "Clara")};
  auto summary = f.attendees.upsert(second);
  REQUIRE(summary);
  CHECK(*summary == ImportSummary{1, 1, 1});
  CHECK(f.attendees.count() == 3);

  auto b = *f.attendees.find_by_external_id("b");
  REQUIRE(b);
  CHECK(b->record.ticket_id == 2);
  CHECK(b->record.display_name == "Bernd Beispiel");
  CHECK(b->record.category == 2);
  CHECK(b->record.days == 0b01);
  CHECK((*f.attendees.find_by_external_id("c"))->record.ticket_id == 3);
}

TEST_CASE("a re-import keeps a status set at the desk", "[storage]") {
  ServerFixture f;
  REQUIRE(f.attendees.upsert(std::vector{reg("a", "Anna")}));
  REQUIRE(f.attendees.set_status(1, AttendeeStatus::blocked) == true);
  REQUIRE(f.attendees.upsert(std::vector{reg("a", "Anna Neu")}));
  auto a = *f.attendees.find_by_ticket(1);
  CHECK(a->record.status == AttendeeStatus::blocked);
  CHECK(a->record.display_name == "Anna Neu");
}

TEST_CASE("a failing import leaves the database unchanged", "[storage]") {
  ServerFixture f;
  REQUIRE(f.attendees.upsert(std::vector{reg("a", "Anna"), reg("b", "Bernd")}));
  const auto before = *f.attendees.all();

  SECTION("unknown category in the last row") {
    const std::vector bad{reg("a", "Anna Changed"), reg("c", "Clara"), reg("d", "Dora", 77)};
    auto result = f.attendees.upsert(bad);
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == StorageError::Kind::constraint);
    CHECK_THAT(result.error().message, Catch::Contains("registration 3"));
    CHECK_THAT(result.error().message, Catch::Contains("'d'"));
    CHECK_THAT(result.error().message, !Catch::Contains("Dora"));  // no names in messages
  }
  SECTION("the same external id twice") {
    auto result = f.attendees.upsert(std::vector{reg("c", "Clara"), reg("c", "Clara 2")});
    REQUIRE_FALSE(result);
    CHECK_THAT(result.error().message, Catch::Contains("twice"));
  }
  SECTION("an empty name") {
    auto result = f.attendees.upsert(std::vector{reg("c", "Clara"), reg("e", "")});
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == StorageError::Kind::constraint);
  }
  SECTION("a row the database refuses after earlier rows were written") {
    test::refuse_attendee(f.db, "d");
    auto result = f.attendees.upsert(
        std::vector{reg("a", "Anna Changed"), reg("c", "Clara"), reg("d", "Dora")});
    REQUIRE_FALSE(result);
    CHECK_THAT(result.error().message, Catch::Contains("refused by the test"));
  }
  CHECK(*f.attendees.all() == before);
}

TEST_CASE("ticket ids are never reused, not even after the last attendee was deleted",
          "[storage]") {
  ServerFixture f;
  REQUIRE(f.attendees.upsert(std::vector{reg("a", "Anna"), reg("b", "Bernd")}));
  f.db.connection().exec("DELETE FROM attendees WHERE ticket_id = 2");
  REQUIRE(f.attendees.upsert(std::vector{reg("c", "Clara")}));
  CHECK((*f.attendees.find_by_external_id("c"))->record.ticket_id == 3);
}

TEST_CASE("registrations are found by ticket id and by external id", "[storage]") {
  ServerFixture f;
  REQUIRE(f.attendees.upsert(std::vector{reg("a", "Anna")}));
  CHECK((*f.attendees.find_by_ticket(1))->external_id == "a");
  CHECK_FALSE(f.attendees.find_by_ticket(2)->has_value());
  CHECK_FALSE(f.attendees.find_by_external_id("zz")->has_value());
  auto record = *f.attendees.find_record(1);
  REQUIRE(record);
  CHECK(record->display_name == "Anna");
  CHECK(f.attendees.set_status(42, AttendeeStatus::canceled) == false);
}

TEST_CASE("a kiosk stores and replaces badge records by ticket id", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  ManualClock clock{test::utc(2026, 3, 1)};
  AttendeeRepository attendees(db, clock);
  AttendeeRecord r{7, "Jürgen Müller", "Landratsamt Lüneburg", 2, 0b10, AttendeeStatus::active};
  REQUIRE(attendees.put_records(std::span(&r, 1)));
  r.status = AttendeeStatus::canceled;
  REQUIRE(attendees.put_records(std::span(&r, 1)));
  auto found = *attendees.find_record(7);
  REQUIRE(found);
  CHECK(*found == r);
  CHECK_FALSE(attendees.find_record(8)->has_value());
  CHECK(attendees.count() == 1);
}

TEST_CASE("a kiosk removes the records the server purged and clears all for a snapshot",
          "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  ManualClock clock{test::utc(2026, 3, 1)};
  AttendeeRepository attendees(db, clock);
  const std::vector<AttendeeRecord> records{
      {1, "Anna Albers", "A", 1, 0b01, AttendeeStatus::active},
      {2, "Bernd Brandt", "B", 1, 0b11, AttendeeStatus::active},
      {3, "Clara Czerny", "C", 2, 0b10, AttendeeStatus::canceled}};
  REQUIRE(attendees.put_records(records));

  // 9 was never there and 2 is named twice (a replayed message): only what was there counts.
  const std::vector<TicketId> purged{2, 9, 2};
  CHECK(attendees.remove_records(purged) == std::size_t{1});
  CHECK(attendees.count() == 2);
  CHECK_FALSE(attendees.find_record(2)->has_value());
  CHECK(*attendees.find_record(1) == records[0]);
  CHECK(*attendees.find_record(3) == records[2]);
  CHECK(attendees.remove_records(std::vector<TicketId>{}) == std::size_t{0});

  REQUIRE(attendees.clear_records());
  CHECK(attendees.count() == 0);
  REQUIRE(attendees.clear_records());  // an empty table is no error
}

TEST_CASE("removing or clearing records is refused on the server", "[storage]") {
  ServerFixture f;
  REQUIRE(f.attendees.upsert(std::vector{reg("a", "Anna")}));
  auto removed = f.attendees.remove_records(std::vector<TicketId>{1});
  REQUIRE_FALSE(removed);
  CHECK(removed.error().kind == StorageError::Kind::wrong_database_kind);
  auto cleared = f.attendees.clear_records();
  REQUIRE_FALSE(cleared);
  CHECK(cleared.error().kind == StorageError::Kind::wrong_database_kind);
  CHECK(f.attendees.count() == 1);
}

TEST_CASE("registrations with e-mail cannot be imported into a kiosk replica", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  ManualClock clock{test::utc(2026, 3, 1)};
  auto result = AttendeeRepository(db, clock).upsert(std::vector{reg("a", "Anna")});
  REQUIRE_FALSE(result);
  CHECK(result.error().kind == StorageError::Kind::wrong_database_kind);
}

TEST_CASE("5000 registrations import in one call and re-import as unchanged", "[storage][slow]") {
  ServerFixture f;
  std::vector<Registration> regs;
  for (int i = 0; i < 5000; ++i) regs.push_back(reg("id-" + std::to_string(i), "Name"));
  auto summary = f.attendees.upsert(regs);
  REQUIRE(summary);
  CHECK(summary->added == 5000);
  auto again = f.attendees.upsert(regs);
  REQUIRE(again);
  CHECK(again->unchanged == 5000);
}

TEST_CASE("a kiosk searches its records by name, organisation or ticket id", "[storage]") {
  test::TempDir dir;
  Database db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  ManualClock clock{test::utc(2026, 3, 28, 8, 0)};
  AttendeeRepository repo{db, clock};
  const std::vector<AttendeeRecord> records{
      {1, "Anna Müller", "Stadt Halle (Saale)", 1, 0b11, AttendeeStatus::active},
      {2, "Bernd Schulz", "Landesamt 100% digital", 2, 0b11, AttendeeStatus::active},
      {42, "Carla Ortiz", "Bundesamt", 1, 0b01, AttendeeStatus::canceled},
  };
  REQUIRE(repo.put_records(records));
  auto names = [&](std::string_view query) {
    std::vector<TicketId> ids;
    const auto found = repo.search_records(query, 10);
    REQUIRE(found);
    for (const auto& r : *found) ids.push_back(r.ticket_id);
    return ids;
  };
  CHECK(names("müller") == std::vector<TicketId>{1});
  CHECK(names("MULLER") == std::vector<TicketId>{1});
  CHECK(names("MÜLLER") == std::vector<TicketId>{1});
  CHECK(names("ortíz") == std::vector<TicketId>{42});
  CHECK(names("ANNA") == std::vector<TicketId>{1});
  CHECK(names("halle") == std::vector<TicketId>{1});
  CHECK(names("T000042") == std::vector<TicketId>{42});
  CHECK(names("100%") == std::vector<TicketId>{2});
  CHECK(names("%") == std::vector<TicketId>{2});
  CHECK(names("_") == std::vector<TicketId>{});
  CHECK(names("' OR 1=1 --") == std::vector<TicketId>{});
  CHECK(names("a").size() == 3);
  CHECK(repo.search_records("a", 2)->size() == 2);
}
