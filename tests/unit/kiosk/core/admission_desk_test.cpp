#include "core/admission_desk.h"

#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>

#include "kiosk_fixture.h"
#include "storage/admission_log.h"
#include "storage/attendee_repository.h"
#include "storage/print_job_repository.h"

using namespace einlass;
using test::first_morning;

namespace {

struct Desk {
  test::KioskFixture fixture;
  Replica replica = std::move(*Replica::open(fixture.replica_path));
  ManualClock clock{first_morning()};
  AdmissionDesk desk = open(EntranceMode::entry);

  AdmissionDesk open(EntranceMode mode) {
    auto d = AdmissionDesk::open(replica, Entrance{"K1", mode, {}}, clock);
    REQUIRE(d);
    return std::move(*d);
  }
  std::vector<AdmissionEvent> events() { return *AdmissionLog(replica.db(), clock).all(); }
  std::vector<PrintJob> jobs() { return *PrintJobRepository(replica.db(), clock).unfinished(); }
};

}  // namespace

TEST_CASE("a genuine ticket is admitted and committed with its print job", "[kiosk]") {
  Desk d;
  const auto outcome = d.desk.scan(d.fixture.ticket(1), first_morning());
  REQUIRE(outcome.decision.admitted);
  CHECK(outcome.decision.display_name == "Jürgen Weiß");
  CHECK(outcome.committed == EventKey{"K1", 1});
  REQUIRE(outcome.print_job);
  REQUIRE(d.events().size() == 1);
  CHECK(d.events()[0].key == EventKey{"K1", 1});
  CHECK(d.events()[0].ticket_id == 1);
  REQUIRE(d.jobs().size() == 1);
  CHECK(d.jobs()[0].id == *outcome.print_job);
  CHECK(d.jobs()[0].ticket_id == 1);
}

TEST_CASE("the same ticket again is refused as already admitted and prints nothing", "[kiosk]") {
  Desk d;
  REQUIRE(d.desk.scan(d.fixture.ticket(1), first_morning()).decision.admitted);
  const auto again = d.desk.scan(d.fixture.ticket(1), first_morning() + std::chrono::minutes(3));
  CHECK_FALSE(again.decision.admitted);
  CHECK(again.decision.reason == Reason::already_admitted);
  CHECK_FALSE(again.print_job);
  CHECK(d.events().size() == 1);
  CHECK(d.jobs().size() == 1);
}

TEST_CASE("a forged ticket is refused as invalid and leaves no trace", "[kiosk]") {
  Desk d;
  auto forged = d.fixture.ticket(1);
  forged[forged.size() - 3] = forged[forged.size() - 3] == 'A' ? 'B' : 'A';
  const auto outcome = d.desk.scan(forged, first_morning());
  CHECK_FALSE(outcome.decision.admitted);
  CHECK(outcome.decision.reason == Reason::invalid);
  CHECK(d.events().empty());
  CHECK(d.desk.scan("not a ticket at all", first_morning()).decision.reason == Reason::invalid);
}

TEST_CASE("a blocked attendee is refused even with a genuine ticket", "[kiosk]") {
  Desk d;
  const auto outcome = d.desk.scan(d.fixture.ticket(3), first_morning());
  CHECK(outcome.decision.reason == Reason::blocked);
  CHECK(d.events().empty());
}

TEST_CASE(
    "an attendee the replica does not know yet is admitted from the ticket's fields and "
    "the badge finds them",
    "[kiosk][scenario-14]") {
  Desk d;
  const auto outcome = d.desk.scan(d.fixture.ticket(99, "Neu Angemeldet"), first_morning());
  REQUIRE(outcome.decision.admitted);
  ManualClock clock{first_morning()};
  auto record = AttendeeRepository(d.replica.db(), clock).find_record(99);
  REQUIRE(record);
  REQUIRE(*record);
  CHECK((*record)->display_name == "Neu Angemeldet");
}

TEST_CASE("an exit scan is committed without a badge", "[kiosk]") {
  Desk d;
  REQUIRE(d.desk.scan(d.fixture.ticket(1), first_morning()).decision.admitted);
  auto exit_desk = d.open(EntranceMode::exit);
  const auto out = exit_desk.scan(d.fixture.ticket(1), first_morning() + std::chrono::hours(2));
  REQUIRE(out.decision.admitted);
  CHECK(out.decision.kind == AdmissionKind::exit);
  CHECK_FALSE(out.print_job);
  REQUIRE(d.events().size() == 2);
  CHECK(d.events()[1].kind == AdmissionKind::exit);
  CHECK(d.events()[1].key.seq == 2);
  CHECK(d.jobs().size() == 1);
}

TEST_CASE("a desk opened again continues the kiosk's sequence numbers", "[kiosk]") {
  Desk d;
  REQUIRE(d.desk.scan(d.fixture.ticket(1), first_morning()).decision.admitted);
  auto reopened = d.open(EntranceMode::entry);
  REQUIRE(reopened.scan(d.fixture.ticket(2), first_morning()).decision.admitted);
  REQUIRE(d.events().size() == 2);
  CHECK(d.events()[1].key.seq == 2);
  CHECK(d.events()[1].hlc > d.events()[0].hlc);
}

TEST_CASE("a commit the database refuses becomes a refusal and nothing is half-stored", "[kiosk]") {
  Desk d;
  d.replica.db().connection().exec(
      "CREATE TEMP TRIGGER refuse_jobs BEFORE INSERT ON print_jobs BEGIN "
      "SELECT RAISE(ABORT, 'disk full (test)'); END");
  const auto outcome = d.desk.scan(d.fixture.ticket(99, "Neu Angemeldet"), first_morning());
  CHECK_FALSE(outcome.decision.admitted);
  CHECK(outcome.decision.reason == Reason::error);
  REQUIRE(outcome.failure);
  CHECK(d.events().empty());
  ManualClock clock{first_morning()};
  CHECK_FALSE(*AttendeeRepository(d.replica.db(), clock).find_record(99));
  d.replica.db().connection().exec("DROP TRIGGER refuse_jobs");
  // The next scan gets the sequence number the failed one did not use.
  REQUIRE(d.desk.scan(d.fixture.ticket(1), first_morning()).decision.admitted);
  CHECK(d.events()[0].key.seq == 1);
}
