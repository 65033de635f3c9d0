#pragma once
// Internal to einlass_storage: version 1 of the tables both kinds of database hold.
namespace einlass::storage_detail {

inline constexpr const char* kSharedTablesV1 = R"sql(
-- The event, its categories, revocations and the admission log: the same on both kinds,
-- so that sync copies rows between them unchanged.
CREATE TABLE event (
  singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),  -- one event per server database
  event_id     INTEGER NOT NULL CHECK (event_id BETWEEN 0 AND 4294967295),
  name         TEXT NOT NULL,
  time_zone    TEXT NOT NULL,
  first_day    TEXT NOT NULL,                               -- 2026-03-28
  day_count    INTEGER NOT NULL CHECK (day_count BETWEEN 1 AND 32),
  reentry      TEXT NOT NULL CHECK (reentry IN ('deny', 'allow_after_exit'))
) STRICT;

CREATE TABLE categories (
  code      INTEGER PRIMARY KEY CHECK (code BETWEEN 0 AND 255),
  slug      TEXT NOT NULL UNIQUE,
  label_de  TEXT NOT NULL,
  label_en  TEXT NOT NULL,
  colour    TEXT NOT NULL
) STRICT;

CREATE TABLE revocations (
  ticket_id   INTEGER PRIMARY KEY CHECK (ticket_id BETWEEN 0 AND 4294967295),
  revoked_at  INTEGER NOT NULL,
  reason      TEXT NOT NULL DEFAULT ''
) STRICT;

-- Append-only: a kiosk's own admissions and those it learnt from others. On the server the
-- rowid is the arrival order (a cursor for pulls).
CREATE TABLE admission_events (
  kiosk_id     TEXT NOT NULL CHECK (kiosk_id <> ''),
  seq          INTEGER NOT NULL CHECK (seq >= 0),
  ticket_id    INTEGER NOT NULL CHECK (ticket_id BETWEEN 0 AND 4294967295),
  kind         TEXT NOT NULL CHECK (kind IN ('entry', 'exit', 'manual_entry')),
  scan_time    INTEGER NOT NULL,
  hlc_wall     INTEGER NOT NULL,
  hlc_logical  INTEGER NOT NULL CHECK (hlc_logical BETWEEN 0 AND 4294967295),
  event_day    INTEGER NOT NULL,
  staff        TEXT NOT NULL DEFAULT '',
  reason       TEXT NOT NULL DEFAULT '',
  received_at  INTEGER NOT NULL,
  PRIMARY KEY (kiosk_id, seq)
) STRICT;
CREATE INDEX admission_events_by_ticket ON admission_events (ticket_id, hlc_wall, hlc_logical);
CREATE INDEX admission_events_by_hlc ON admission_events (hlc_wall, hlc_logical, kiosk_id, seq);
)sql";

}  // namespace einlass::storage_detail
