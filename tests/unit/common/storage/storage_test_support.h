#pragma once
// Shared by the storage tests: databases in a fresh temp dir, a sample event and admissions.
#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>

#include <string>

#include "base/time.h"
#include "event/event_config.h"
#include "eventlog/admission_event.h"
#include "storage/database.h"
#include "support/temp_dir.h"
#include "support/time_literals.h"

namespace einlass::test {

// Opens (creating if needed) and fails the test on error.
inline Database open_db(const std::filesystem::path& path, DatabaseKind kind) {
  auto db = Database::open(path, kind);
  if (!db) FAIL("opening " << path << " failed: " << db.error().message);
  return std::move(*db);
}

inline EventConfig sample_event() {
  EventConfig e;
  e.id = 2026;
  e.name = "Digitaler Staat 2026";
  e.first_day = std::chrono::year{2026} / 3 / 28;
  e.day_count = 2;
  e.reentry = ReentryPolicy::deny;
  return e;
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

inline std::string pragma_text(SQLite::Database& db, const std::string& pragma) {
  return db.execAndGet("PRAGMA " + pragma).getString();
}

inline int pragma_int(SQLite::Database& db, const std::string& pragma) {
  return db.execAndGet("PRAGMA " + pragma).getInt();
}

}  // namespace einlass::test
