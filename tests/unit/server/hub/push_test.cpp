#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>

#include "hub/admission_alerts.h"
#include "hub_fixture.h"
#include "storage/admission_log.h"
#include "storage/alert_repository.h"
#include "storage/revocation_repository.h"

using namespace einlass;
using test::entry;
using test::HubFixture;

namespace {

std::vector<Alert> alerts(Database& db) {
  auto all = AlertRepository(db).all();
  REQUIRE(all);
  return *all;
}

std::int64_t stored_events(HubFixture& f) {
  return *AdmissionLog(f.db, f.clock).count();
}

}  // namespace

TEST_CASE("scenario 5: the same push uploaded twice is stored once and acknowledged both times",
          "[hub][push]") {
  HubFixture f;
  const Push push{{entry("K1", 3, 1, 0), entry("K1", 4, 2, 1), entry("K1", 5, 3, 2)}};
  auto first = f.hub.push("K1", push);
  REQUIRE(first);
  CHECK(first->ack == Ack{"K1", 3, 5});
  CHECK(first->stored == 3);
  CHECK(first->alerts.empty());
  const auto log_after_first = *f.hub.latest_change();

  auto again = f.hub.push("K1", push);
  REQUIRE(again);
  CHECK(again->ack == Ack{"K1", 3, 5});
  CHECK(again->stored == 0);
  CHECK(stored_events(f) == 3);
  CHECK(*f.hub.latest_change() == log_after_first);  // nothing new for the other kiosks
}

TEST_CASE("a push carrying another kiosk's event is refused and stores nothing", "[hub][push]") {
  HubFixture f;
  auto refused = f.hub.push("K1", Push{{entry("K1", 1, 1, 0), entry("K2", 1, 2, 1)}});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == HubError::Kind::protocol);
  CHECK(refused.error().message.find("K2#1") != std::string::npos);
  CHECK(stored_events(f) == 0);
}

TEST_CASE("scenario 4: two kiosks admit the same ticket offline: both stored, the later flagged",
          "[hub][push]") {
  HubFixture f;
  // K2's admission arrives first but was made later: the flag follows the clocks, not arrival.
  auto k2 = f.hub.push("K2", Push{{entry("K2", 1, 1, 5)}});
  REQUIRE(k2);
  CHECK(k2->alerts.empty());
  auto k1 = f.hub.push("K1", Push{{entry("K1", 1, 1, 2)}});
  REQUIRE(k1);
  CHECK(k1->stored == 1);
  REQUIRE(k1->alerts.size() == 1);
  CHECK(alert_line(k1->alerts[0]) ==
        "duplicate K2#1 (T000001): repeats the admission K1#1 on day 1");

  CHECK(stored_events(f) == 2);
  auto raised = alerts(f.db);
  REQUIRE(raised.size() == 1);
  CHECK(raised[0].what ==
        NewAlert{AlertKind::duplicate, "K2", 1, 1, "repeats the admission K1#1 on day 1"});
  CHECK(raised[0].what.detail.find("Ada") == std::string::npos);  // never a name

  // Pushing again raises nothing new.
  auto again = f.hub.push("K1", Push{{entry("K1", 1, 1, 2), entry("K1", 2, 2, 3)}});
  REQUIRE(again);
  CHECK(again->alerts.empty());
  CHECK(alerts(f.db).size() == 1);
}

TEST_CASE("scenario 23: the later clock stamp is the duplicate even when its scan time is earlier",
          "[hub][push]") {
  HubFixture f;
  // K1's wall clock runs 10 minutes behind: its scan time says 07:55, but it had seen K2's
  // admission (its hybrid clock stamp is after K2's), so K1's is the repeat.
  AdmissionEvent k2 = entry("K2", 1, 2, 0);
  AdmissionEvent k1 = entry("K1", 1, 2, 0);
  k1.scan_time = test::utc(2026, 3, 28, 7, 55);
  k1.hlc = {k2.hlc.wall_ms, 1};
  REQUIRE(f.hub.push("K1", Push{{k1}}));
  REQUIRE(f.hub.push("K2", Push{{k2}}));
  auto raised = alerts(f.db);
  REQUIRE(raised.size() == 1);
  CHECK(raised[0].what.kiosk_id == "K1");
  CHECK(raised[0].what.detail == "repeats the admission K2#1 on day 1");
}

TEST_CASE("scenario 10: an admission made offline after the ticket's revocation is flagged",
          "[hub][push]") {
  HubFixture f;
  REQUIRE(RevocationRepository(f.db).revoke(3, test::utc(2026, 3, 28, 8, 10), "stolen"));
  auto before = f.hub.push("K1", Push{{entry("K1", 1, 3, 5)}});
  REQUIRE(before);
  CHECK(before->alerts.empty());
  auto after = f.hub.push("K2", Push{{entry("K2", 1, 3, 20)}});
  REQUIRE(after);
  REQUIRE(after->alerts.size() == 2);  // also a duplicate of K1's admission
  auto raised = alerts(f.db);
  REQUIRE(raised.size() == 2);
  const auto revoked = std::ranges::find_if(
      raised, [](const Alert& a) { return a.what.kind == AlertKind::admitted_after_revocation; });
  REQUIRE(revoked != raised.end());
  CHECK(revoked->what.kiosk_id == "K2");
  CHECK(revoked->what.ticket_id == 3);
  CHECK(revoked->what.detail ==
        "admitted at 2026-03-28T08:20:00.000Z on day 1, after the ticket was revoked at "
        "2026-03-28T08:10:00.000Z");
}

TEST_CASE("a reused sequence number keeps the first version, raises key_conflict and still acks",
          "[hub][push]") {
  HubFixture f;
  const AdmissionEvent kept = entry("K1", 7, 1, 0);
  REQUIRE(f.hub.push("K1", Push{{kept}}));
  const AdmissionEvent other = entry("K1", 7, 2, 30);  // a reset replica reused seq 7
  auto outcome = f.hub.push("K1", Push{{other, entry("K1", 8, 3, 31)}});
  REQUIRE(outcome);
  CHECK(outcome->ack == Ack{"K1", 7, 8});
  CHECK(outcome->stored == 1);
  REQUIRE(outcome->alerts.size() == 1);
  CHECK(alert_line(outcome->alerts[0]).starts_with("key_conflict K1#7 (T000001)"));

  auto stored = *AdmissionLog(f.db, f.clock).events_for_ticket(1);
  REQUIRE(stored.size() == 1);
  CHECK(stored[0] == kept);
  CHECK(AdmissionLog(f.db, f.clock).events_for_ticket(2)->empty());
  auto raised = alerts(f.db);
  REQUIRE(raised.size() == 1);
  CHECK(raised[0].what.kind == AlertKind::key_conflict);
  CHECK(raised[0].what.detail.find("also sent ticket T000002, entry on day 1 at "
                                   "2026-03-28T08:30:00.000Z") != std::string::npos);

  // The same conflicting push again: acknowledged, nothing new.
  auto again = f.hub.push("K1", Push{{other}});
  REQUIRE(again);
  CHECK(again->alerts.empty());
  CHECK(alerts(f.db).size() == 1);
}

TEST_CASE("a push is one transaction: a storage failure stores none of it", "[hub][push]") {
  HubFixture f;
  f.db.connection().exec(
      "CREATE TEMP TRIGGER refuse BEFORE INSERT ON admission_events WHEN NEW.seq = 3 "
      "BEGIN SELECT RAISE(ABORT, 'disk full, say'); END");
  auto failed =
      f.hub.push("K1", Push{{entry("K1", 1, 1, 0), entry("K1", 2, 2, 0), entry("K1", 3, 3, 0)}});
  REQUIRE_FALSE(failed);
  CHECK(failed.error().kind == HubError::Kind::storage);
  CHECK(stored_events(f) == 0);
}

TEST_CASE("pushes of several kiosks commit together; one that fails leaves the others stored",
          "[hub][push]") {
  HubFixture f;
  f.db.connection().exec(
      "CREATE TEMP TRIGGER refuse BEFORE INSERT ON admission_events WHEN NEW.kiosk_id = 'K2' "
      "AND NEW.seq = 2 BEGIN SELECT RAISE(ABORT, 'disk full, say'); END");
  const std::vector<KioskPush> pushes{
      {"K1", Push{{entry("K1", 1, 1, 0), entry("K1", 2, 2, 0)}}},
      {"K2", Push{{entry("K2", 1, 3, 0), entry("K2", 2, 4, 0)}}},  // fails on its second event
      {"K3", Push{{entry("K3", 1, 1, 5)}}},                        // repeats ticket 1 of K1
      {"K4", Push{{entry("K1", 9, 9, 0)}}},                        // speaks for another kiosk
  };
  const auto results = f.hub.push_batch(pushes);
  REQUIRE(results.size() == 4);
  REQUIRE(results[0]);
  CHECK(results[0]->ack == Ack{"K1", 1, 2});
  CHECK(results[0]->stored == 2);
  REQUIRE_FALSE(results[1]);
  CHECK(results[1].error().kind == HubError::Kind::storage);
  REQUIRE(results[2]);
  CHECK(results[2]->stored == 1);
  CHECK(results[2]->alerts.size() == 1);  // the duplicate of K1's ticket 1, in the same batch
  REQUIRE_FALSE(results[3]);
  CHECK(results[3].error().kind == HubError::Kind::protocol);
  // K2's own transaction was undone whole: neither of its events is stored; the rest is.
  CHECK(stored_events(f) == 3);
  CHECK(alerts(f.db).size() == 1);
}
