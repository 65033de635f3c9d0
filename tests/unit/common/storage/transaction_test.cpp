#include "storage/transaction.h"

#include <catch2/catch.hpp>

#include "storage/attendee_repository.h"
#include "storage/audit_repository.h"
#include "storage/event_repository.h"
#include "storage_test_support.h"

using namespace einlass;
using test::open_db;
using test::reg;

namespace {

struct ServerDb {
  test::TempDir dir;
  Database db = open_db(dir / "server.db", DatabaseKind::server);
  ManualClock clock{test::utc(2026, 3, 1)};
  AttendeeRepository attendees{db, clock};
  AuditRepository audit{db};

  ServerDb() {
    REQUIRE(EventRepository(db).save(test::sample_event()));
    REQUIRE(attendees.upsert(std::vector{reg("a", "Anna")}));
  }
  AttendeeStatus status() { return (*attendees.find_record(1))->status; }
};

const AuditEntry kCancel{0, test::utc(2026, 3, 1), "cli:anna", "cancel", "T000001", "why"};

}  // namespace

TEST_CASE("repository calls inside a committed transaction all stay", "[storage]") {
  ServerDb s;
  auto tx = Transaction::begin(s.db);
  REQUIRE(tx);
  REQUIRE(s.attendees.set_status(1, AttendeeStatus::canceled) == true);
  REQUIRE(s.audit.append(kCancel));
  REQUIRE(tx->commit());
  CHECK(s.status() == AttendeeStatus::canceled);
  CHECK(s.audit.all()->size() == 1);
}

TEST_CASE("a transaction that is not committed leaves none of its calls", "[storage]") {
  ServerDb s;
  {
    auto tx = Transaction::begin(s.db);
    REQUIRE(tx);
    REQUIRE(s.attendees.set_status(1, AttendeeStatus::canceled) == true);
    REQUIRE(s.audit.append(kCancel));
  }
  CHECK(s.status() == AttendeeStatus::active);
  CHECK(s.audit.all()->empty());
}

TEST_CASE("a repository's own transaction nests inside a caller's and fails alone", "[storage]") {
  ServerDb s;
  auto tx = Transaction::begin(s.db);
  REQUIRE(tx);
  REQUIRE(s.audit.append(kCancel));
  // The upsert stores "b", then fails on "d": its nested part is rolled back, "b" included.
  test::refuse_attendee(s.db, "d");
  auto failed = s.attendees.upsert(std::vector{reg("b", "Bernd"), reg("d", "Dora")});
  REQUIRE_FALSE(failed);
  REQUIRE(s.attendees.upsert(std::vector{reg("c", "Clara")}));
  REQUIRE(tx->commit());
  CHECK(s.audit.all()->size() == 1);
  CHECK(*s.attendees.count() == 2);  // a and c
  CHECK_FALSE(*s.attendees.find_by_external_id("b"));
}

TEST_CASE("a transaction begun inside another is a savepoint: its rollback undoes only its own",
          "[storage]") {
  ServerDb s;
  auto outer = Transaction::begin(s.db);
  REQUIRE(outer);
  REQUIRE(s.audit.append(kCancel));
  {
    auto kept = Transaction::begin(s.db);
    REQUIRE(kept);
    REQUIRE(s.attendees.upsert(std::vector{reg("b", "Bernd")}));
    REQUIRE(kept->commit());
  }
  {
    auto dropped = Transaction::begin(s.db);
    REQUIRE(dropped);
    REQUIRE(s.attendees.upsert(std::vector{reg("c", "Clara")}));
  }  // not committed
  REQUIRE(outer->commit());
  CHECK(s.audit.all()->size() == 1);
  CHECK(*s.attendees.find_by_external_id("b"));
  CHECK_FALSE(*s.attendees.find_by_external_id("c"));
}
