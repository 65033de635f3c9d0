// The server's registration database. Times are Unix milliseconds (UTC); dates are ISO text.
// Tables are STRICT so that a wrongly typed value is refused instead of silently stored.
#include <array>

#include "storage/schema.h"

namespace einlass::storage_detail {

namespace {

constexpr const char* kServerV1 = R"sql(
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

CREATE TABLE signing_keys (
  key_id       INTEGER PRIMARY KEY CHECK (key_id BETWEEN 0 AND 255),
  private_pem  TEXT NOT NULL,
  public_key   BLOB NOT NULL CHECK (length(public_key) = 32),
  created_at   INTEGER NOT NULL,
  retired_at   INTEGER               -- set: signs no new tickets; its tickets stay valid
) STRICT;

-- AUTOINCREMENT: a ticket id is printed on tickets already mailed, so it is never handed out
-- again, not even after the attendee with the highest id was deleted.
CREATE TABLE attendees (
  ticket_id     INTEGER PRIMARY KEY AUTOINCREMENT CHECK (ticket_id BETWEEN 1 AND 4294967295),
  external_id   TEXT NOT NULL UNIQUE CHECK (external_id <> ''),
  display_name  TEXT NOT NULL CHECK (display_name <> ''),
  organisation  TEXT NOT NULL DEFAULT '',
  email         TEXT NOT NULL DEFAULT '',
  -- Deferred so that saving the event may rewrite its categories inside one transaction.
  category      INTEGER NOT NULL REFERENCES categories (code) DEFERRABLE INITIALLY DEFERRED,
  days          INTEGER NOT NULL CHECK (days BETWEEN 0 AND 4294967295),
  status        TEXT NOT NULL CHECK (status IN ('active', 'canceled', 'blocked')),
  updated_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE revocations (
  ticket_id   INTEGER PRIMARY KEY CHECK (ticket_id BETWEEN 0 AND 4294967295),
  revoked_at  INTEGER NOT NULL,
  reason      TEXT NOT NULL DEFAULT ''
) STRICT;

-- Append-only. The rowid is the arrival order at this database (a cursor for pulls).
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

-- Staff actions (reprint, manual admission, revocation): who, when, why.
CREATE TABLE audit_log (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  at       INTEGER NOT NULL,
  who      TEXT NOT NULL,
  action   TEXT NOT NULL,
  subject  TEXT NOT NULL DEFAULT '',
  why      TEXT NOT NULL DEFAULT ''
) STRICT;
)sql";

constexpr std::array kServer{
    Migration{1, kServerV1},
};

}  // namespace

std::span<const Migration> server_migrations() {
  return kServer;
}

}  // namespace einlass::storage_detail
