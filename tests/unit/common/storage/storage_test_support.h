#pragma once
// Shared by the storage tests: databases in a fresh temp dir, a sample event and admissions.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>

#include <string>

#include "base/time.h"
#include "event/attendee.h"
#include "event/event_config.h"
#include "eventlog/admission_event.h"
#include "storage/database.h"
#include "support/sample_event.h"
#include "support/temp_dir.h"
#include "support/time_literals.h"

namespace einlass::test {

// Opens (creating if needed) and fails the test on error.
inline Database open_db(const std::filesystem::path& path, DatabaseKind kind) {
  auto db = Database::open(path, kind);
  if (!db) FAIL("opening " << path << " failed: " << db.error().message);
  return std::move(*db);
}

// A registration of the sample event with an e-mail made from its external id.
inline Registration reg(std::string external_id, std::string name, CategoryCode category = 1,
                        DayMask days = 0b11) {
  Registration r;
  r.external_id = std::move(external_id);
  r.email = r.external_id + "@example.org";
  r.record.display_name = std::move(name);
  r.record.organisation = "Bundesamt für Beispiele";
  r.record.category = category;
  r.record.days = days;
  return r;
}

inline AdmissionEvent admission(std::string kiosk, std::uint64_t seq, TicketId ticket,
                                std::int64_t hlc_wall = 1'000, std::uint32_t logical = 0) {
  AdmissionEvent e;
  e.key = {std::move(kiosk), seq};
  e.ticket_id = ticket;
  e.kind = AdmissionKind::entry;
  e.scan_time = utc(2026, 3, 28, 8, 0);
  e.hlc = {hlc_wall, logical};
  e.event_day = 1;
  return e;
}

// Makes the database refuse to store the attendee `external_id`, so that an import fails after
// it has written the rows before it: what a full disk or a crash in the middle would do.
inline void refuse_attendee(Database& db, const std::string& external_id) {
  db.connection().exec(
      "CREATE TEMP TRIGGER refuse_attendee BEFORE INSERT ON attendees WHEN NEW.external_id = '" +
      external_id + "' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
}

inline std::string pragma_text(SQLite::Database& db, const std::string& pragma) {
  return db.execAndGet("PRAGMA " + pragma).getString();
}

inline int pragma_int(SQLite::Database& db, const std::string& pragma) {
  return db.execAndGet("PRAGMA " + pragma).getInt();
}

}  // namespace einlass::test
