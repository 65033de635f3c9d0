#pragma once
// A server database for the desk tests: the sample event (two days from 2026-03-28 in
// Europe/Berlin), seven registrations, kiosks' admissions stored as the hub stores pushes, and
// kiosks' heartbeats as the hub records them. The clock stands at 09:00:30 UTC on day 1.
#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "base/time.h"
#include "desk/desk_service.h"
#include "event/event_calendar.h"
#include "hub/health_json.h"
#include "hub/push_ingest.h"
#include "storage/attendee_repository.h"
#include "storage/database.h"
#include "storage/event_repository.h"
#include "storage/kiosk_registry.h"
#include "storage/transaction.h"
#include "support/sample_event.h"
#include "support/temp_dir.h"
#include "support/time_literals.h"

namespace einlass::test {

inline Registration desk_reg(std::string name, std::string organisation, CategoryCode category,
                             DayMask days, AttendeeStatus status = AttendeeStatus::active) {
  Registration r;
  r.external_id = "ext-" + name;
  r.email = "person" + std::to_string(name.size()) + "@example.org";
  r.record.display_name = std::move(name);
  r.record.organisation = std::move(organisation);
  r.record.category = category;
  r.record.days = days;
  r.record.status = status;
  return r;
}

// Tickets 1..7 in this order.
inline std::vector<Registration> desk_registrations() {
  return {desk_reg("Jürgen Müller", "Stadtwerke", 1, 0b11),
          desk_reg("Anna Schmidt", "Straßenbauamt Nord", 2, 0b01),
          desk_reg("Grace Hopper", "US Navy", 1, 0b11),
          desk_reg("Alan Turing", "=cmd|' /C calc'!A0", 3, 0b10),
          desk_reg("O'Brien, \"Pat\"", "Comma, Inc.", 1, 0b11),
          desk_reg("Carla Storno", "Abgesagt AG", 1, 0b11, AttendeeStatus::canceled),
          desk_reg("Nina Neu", "Presseamt", 4, 0b11)};
}

struct DeskFixture {
  explicit DeskFixture(ReentryPolicy reentry = ReentryPolicy::deny) : db(open()) {
    event.reentry = reentry;
    REQUIRE(EventRepository(db).save(event));
    REQUIRE(AttendeeRepository(db, clock).upsert(desk_registrations()));
  }

  Database open() {
    auto opened = Database::open(dir / "event.db", DatabaseKind::server);
    if (!opened) FAIL(opened.error().message);
    return std::move(*opened);
  }

  // An admission event of `kiosk` at `at`, its clock stamp taken at the scan time.
  AdmissionEvent scan(std::string kiosk, std::uint64_t seq, TicketId ticket, Timestamp at,
                      AdmissionKind kind = AdmissionKind::entry) const {
    AdmissionEvent e;
    e.key = {std::move(kiosk), seq};
    e.ticket_id = ticket;
    e.kind = kind;
    e.scan_time = at;
    e.hlc = {to_unix_ms(at), 0};
    e.event_day = calendar.event_day(at).value_or(0);
    return e;
  }

  // Stores events as the hub stores a push: one transaction, alerts raised for duplicates.
  void push(const std::vector<AdmissionEvent>& events) {
    auto tx = Transaction::begin(db);
    REQUIRE(tx);
    auto stored = ingest_push(db, clock, event.reentry, events.front().key.kiosk_id, Push{events});
    if (!stored) FAIL(stored.error().message);
    REQUIRE(tx->commit());
  }

  // A kiosk's connection and heartbeat, as the hub records them.
  void heartbeat(const std::string& kiosk, const DeviceHealth& health, std::uint64_t unsynced = 0,
                 std::int64_t skew_ms = 0, std::uint64_t last_command = 0) {
    KioskRegistry registry(db);
    REQUIRE(registry.connected(kiosk, "0.4.0", "10.0.0.5:40000", clock.now()));
    REQUIRE(registry.report(
        kiosk, KioskReport{health_to_json(health), unsynced, skew_ms, last_command}, clock.now()));
  }
  void disconnect(const std::string& kiosk) {
    REQUIRE(KioskRegistry(db).disconnected(kiosk, clock.now()));
  }

  // The day-1 history most tests use (times UTC; Berlin is one hour ahead):
  //   K1#1 T1 entry 08:10, K1#2 T2 entry 08:20, K2#1 T2 exit 08:30, K1#3 T3 entry 08:40,
  //   K2#2 T3 entry 08:45 (a duplicate), K1#4 T999 entry 08:50 (not a registration),
  //   K2#3 T998 entry 07:30, K1#5 T5 entry 09:00:10; and on day 2 K3#1 T4 entry 08:00.
  void admit_the_morning() {
    push({scan("K1", 1, 1, utc(2026, 3, 28, 8, 10)), scan("K1", 2, 2, utc(2026, 3, 28, 8, 20)),
          scan("K1", 3, 3, utc(2026, 3, 28, 8, 40)), scan("K1", 4, 999, utc(2026, 3, 28, 8, 50)),
          scan("K1", 5, 5, utc(2026, 3, 28, 9, 0, 10))});
    push({scan("K2", 1, 2, utc(2026, 3, 28, 8, 30), AdmissionKind::exit),
          scan("K2", 2, 3, utc(2026, 3, 28, 8, 45)), scan("K2", 3, 998, utc(2026, 3, 28, 7, 30))});
    push({scan("K3", 1, 4, utc(2026, 3, 29, 8, 0))});
  }

  int count(const std::string& sql) { return db.connection().execAndGet(sql).getInt(); }

  TempDir dir;
  ManualClock clock{utc(2026, 3, 28, 9, 0, 30)};
  EventConfig event = sample_event();
  EventCalendar calendar = *EventCalendar::create(sample_event());
  Database db;
  DeskService desk{db, clock};
};

// The value, or the test fails with the desk's message.
template <class T>
T ok(DeskResult<T> result) {
  if (!result) FAIL(result.error().code + ": " + result.error().message);
  return std::move(*result);
}

}  // namespace einlass::test
