#include "kiosk_fixture.h"

#include <catch2/catch.hpp>

#include "storage/attendee_repository.h"
#include "storage/event_repository.h"
#include "storage/key_repository.h"
#include "support/sample_event.h"
#include "support/time_literals.h"
#include "ticket/ticket_issuer.h"

namespace einlass::test {

KioskFixture::KioskFixture() : replica_path(dir / "replica.db") {
  auto db = Database::open(replica_path, DatabaseKind::kiosk);
  REQUIRE(db);
  REQUIRE(EventRepository(*db).save(sample_event()));
  REQUIRE(KeyRepository(*db).put_public_key(1, key.public_key()));
  ManualClock clock{first_morning()};
  const std::vector<AttendeeRecord> records{
      {1, "Jürgen Weiß", "Landesamt für Digitalisierung Sachsen-Anhalt", 1, 0b11,
       AttendeeStatus::active},
      {2, "Ayşe Yılmaz", "Stadt Halle (Saale)", 2, 0b01, AttendeeStatus::active},
      {3, "Blockierte Person", "Bundesamt", 1, 0b11, AttendeeStatus::blocked},
  };
  REQUIRE(AttendeeRepository(*db, clock).put_records(records));
}

std::string KioskFixture::ticket(TicketId ticket_id, std::string name, CategoryCode category,
                                 DayMask days) const {
  const AttendeeRecord holder{ticket_id, std::move(name),       "Testbehörde", category,
                              days,      AttendeeStatus::active};
  return issue_ticket(ticket_for(holder, sample_event().id, 1), key);
}

Timestamp first_morning() {
  return utc(2026, 3, 28, 8, 0);
}

}  // namespace einlass::test
