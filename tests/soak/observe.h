#pragma once
// Reads the system's records off the rig: logs, databases, badge files, the printer's spool and
// the dashboard API. `badge_texts` runs pdftotext on every badge (slow: the final reading only).
#include "soak/observations.h"
#include "soak/venue_rig.h"

namespace einlass::test {

Observations observe(VenueRig& rig, bool badge_texts);

// "2026-03-28T08:01:02.345Z" (the kiosks' log times) as Unix milliseconds; 0 when malformed.
UnixMs parse_log_time(const std::string& iso_utc);

}  // namespace einlass::test
