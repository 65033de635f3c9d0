#pragma once
// A provisioned kiosk replica in a temp dir: the sample event, one signing key the kiosk
// trusts, a few attendees, and tickets for them.
#include <string>

#include "base/time.h"
#include "core/replica.h"
#include "support/temp_dir.h"
#include "ticket/signing_key.h"
#include "ticket/ticket.h"

namespace einlass::test {

struct KioskFixture {
  KioskFixture();

  // A genuine ticket of the sample event for `ticket_id` with the given badge fields.
  std::string ticket(TicketId ticket_id, std::string name = "Jürgen Weiß",
                     CategoryCode category = 1, DayMask days = 0b11) const;

  TempDir dir;
  std::filesystem::path replica_path;
  SigningKey key = SigningKey::generate();
};

// Saturday, the first day of the sample event, at 09:00 in Berlin.
Timestamp first_morning();

}  // namespace einlass::test
