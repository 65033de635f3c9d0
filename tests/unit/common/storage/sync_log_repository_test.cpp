#include "storage/sync_log_repository.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include "storage/admission_log.h"
#include "storage/attendee_repository.h"
#include "storage/event_repository.h"
#include "storage/revocation_repository.h"
#include "storage_test_support.h"

using namespace einlass;
using test::open_db;

namespace {

Database server_with_event(const test::TempDir& dir) {
  auto db = open_db(dir / "s.db", DatabaseKind::server);
  REQUIRE(EventRepository(db).save(test::sample_event()));
  return db;
}

}  // namespace

TEST_CASE("the sync log records each change with its subject as it is now", "[storage][sync]") {
  test::TempDir dir;
  auto db = server_with_event(dir);
  const ManualClock clock{test::utc(2026, 3, 1)};
  SyncLogRepository log(db);
  auto start = log.latest_id();
  REQUIRE(start);
  CHECK(*start >= 1);  // the event and its categories

  AttendeeRepository attendees(db, clock);
  REQUIRE(attendees.upsert(std::vector{test::reg("a", "Ada Lovelace")}));
  REQUIRE(RevocationRepository(db).revoke(1, test::utc(2026, 3, 28, 9), "lost"));
  REQUIRE(AdmissionLog(db, clock).append(test::admission("K1", 4, 1)));
  db.connection().exec("DELETE FROM revocations WHERE ticket_id = 1");

  auto entries = log.entries_after(*start, 100);
  REQUIRE(entries);
  REQUIRE(entries->size() == 4);
  const auto& added = (*entries)[0];
  CHECK(added.kind == SyncLogKind::attendee);
  CHECK(added.ticket_id == 1);
  REQUIRE(added.attendee);
  CHECK(added.attendee->display_name == "Ada Lovelace");
  // The revocation row reads the revocation as it is now: withdrawn.
  CHECK((*entries)[1].kind == SyncLogKind::revocation);
  CHECK_FALSE((*entries)[1].revocation);
  CHECK((*entries)[2].kind == SyncLogKind::admission);
  CHECK((*entries)[2].kiosk_id == "K1");
  CHECK((*entries)[2].seq == 4);
  REQUIRE((*entries)[2].admission);
  CHECK(*(*entries)[2].admission == test::admission("K1", 4, 1));
  CHECK((*entries)[3].kind == SyncLogKind::revocation);
  CHECK(*log.latest_id() == (*entries)[3].id);

  auto limited = log.entries_after(*start, 2);
  REQUIRE(limited);
  CHECK(limited->size() == 2);
  CHECK(log.entries_after(*log.latest_id(), 10)->empty());
}

TEST_CASE("sync lookups find an admission by key and a revocation by ticket", "[storage][sync]") {
  test::TempDir dir;
  auto db = server_with_event(dir);
  const ManualClock clock{test::utc(2026, 3, 1)};
  SyncLogRepository log(db);
  REQUIRE(AdmissionLog(db, clock).append(test::admission("K1", 4, 7)));
  CHECK(*log.find_admission({"K1", 4}) == test::admission("K1", 4, 7));
  CHECK_FALSE(*log.find_admission({"K1", 5}));
  REQUIRE(RevocationRepository(db).revoke(7, test::utc(2026, 3, 28, 9), "lost"));
  CHECK(*log.find_revocation(7) == Revocation{7, test::utc(2026, 3, 28, 9), "lost"});
  CHECK_FALSE(*log.find_revocation(8));
}

TEST_CASE("only tickets with a second event or a revocation need a merge", "[storage][sync]") {
  test::TempDir dir;
  auto db = server_with_event(dir);
  const ManualClock clock{test::utc(2026, 3, 1)};
  SyncLogRepository log(db);
  AdmissionLog admissions(db, clock);
  REQUIRE(admissions.append(test::admission("K1", 1, 7)));  // one event only
  REQUIRE(admissions.append(test::admission("K1", 2, 8)));  // two events
  REQUIRE(admissions.append(test::admission("K2", 1, 8)));
  REQUIRE(admissions.append(test::admission("K1", 3, 9)));  // one event, revoked
  REQUIRE(RevocationRepository(db).revoke(9, test::utc(2026, 3, 28, 9), "lost"));
  const std::vector<TicketId> asked{7, 8, 9, 10};
  auto found = log.tickets_with_history(asked);
  REQUIRE(found);
  std::sort(found->begin(), found->end());
  CHECK(*found == std::vector<TicketId>{8, 9});
  CHECK(log.tickets_with_history({})->empty());
}

TEST_CASE("a consistent read does not see what another connection commits meanwhile",
          "[storage][sync]") {
  test::TempDir dir;
  auto db = server_with_event(dir);
  auto other = open_db(dir / "s.db", DatabaseKind::server);
  const ManualClock clock{test::utc(2026, 3, 1)};
  const auto before = *SyncLogRepository(db).latest_id();
  {
    auto read = ConsistentRead::begin(db);
    REQUIRE(read);
    REQUIRE(AttendeeRepository(other, clock).upsert(std::vector{test::reg("a", "Ada")}));
    CHECK(*SyncLogRepository(db).latest_id() == before);
    CHECK(*AttendeeRepository(db, clock).count() == 0);
  }
  CHECK(*SyncLogRepository(db).latest_id() > before);
  CHECK(*AttendeeRepository(db, clock).count() == 1);
}
