#pragma once
// A server database for the hub tests: the sample event (reentry deny), one signing key, a few
// attendees, a manual clock, and admissions as kiosks push them.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "base/time.h"
#include "event/attendee.h"
#include "hub/sync_hub.h"
#include "storage/attendee_repository.h"
#include "storage/database.h"
#include "storage/event_repository.h"
#include "storage/key_repository.h"
#include "support/sample_event.h"
#include "support/temp_dir.h"
#include "support/time_literals.h"

namespace einlass::test {

inline Registration hub_reg(std::string external_id, std::string name) {
  Registration r;
  r.external_id = std::move(external_id);
  r.email = r.external_id + "@example.org";
  r.record.display_name = std::move(name);
  r.record.organisation = "Bundesamt für Beispiele";
  r.record.category = 1;
  r.record.days = 0b11;
  return r;
}

struct HubFixture {
  explicit HubFixture(ReentryPolicy reentry = ReentryPolicy::deny) : db(open()) {
    EventConfig event = sample_event();
    event.reentry = reentry;
    REQUIRE(EventRepository(db).save(event));
    Ed25519PublicKey key{};
    key.fill(7);
    REQUIRE(KeyRepository(db).add_signing_key(1, "test key", key, clock.now()));
    REQUIRE(AttendeeRepository(db, clock).upsert(std::vector{
        hub_reg("a", "Ada Lovelace"), hub_reg("b", "Grace Hopper"), hub_reg("c", "Alan Turing")}));
  }

  Database open() {
    auto opened = Database::open(dir / "event.db", DatabaseKind::server);
    if (!opened) FAIL(opened.error().message);
    return std::move(*opened);
  }

  TempDir dir;
  ManualClock clock{utc(2026, 3, 28, 8)};
  Database db;
  SyncHub hub{db, clock};
};

// An entry on day 1 whose scan time and clock stamp are both `minute` minutes after 08:00 UTC.
inline AdmissionEvent entry(std::string kiosk, std::uint64_t seq, TicketId ticket, int minute,
                            AdmissionKind kind = AdmissionKind::entry) {
  AdmissionEvent e;
  e.key = {std::move(kiosk), seq};
  e.ticket_id = ticket;
  e.kind = kind;
  e.scan_time = utc(2026, 3, 28, 8, minute);
  e.hlc = {to_unix_ms(e.scan_time), 0};
  e.event_day = 1;
  return e;
}

}  // namespace einlass::test
