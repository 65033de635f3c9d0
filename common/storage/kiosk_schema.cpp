// A kiosk's replica: what it needs to decide and print alone. No e-mail addresses and no
// external ids: a stolen kiosk gives away no more than the badges it would print.
#include <array>

#include "storage/schema.h"

namespace einlass::storage_detail {

namespace {

constexpr const char* kKioskV1 = R"sql(
CREATE TABLE event (
  singleton    INTEGER PRIMARY KEY CHECK (singleton = 1),
  event_id     INTEGER NOT NULL CHECK (event_id BETWEEN 0 AND 4294967295),
  name         TEXT NOT NULL,
  time_zone    TEXT NOT NULL,
  first_day    TEXT NOT NULL,
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

CREATE TABLE public_keys (
  key_id      INTEGER PRIMARY KEY CHECK (key_id BETWEEN 0 AND 255),
  public_key  BLOB NOT NULL CHECK (length(public_key) = 32)
) STRICT;

-- No foreign key to categories: the replica takes what the server sends in any order, and the
-- rules treat an unknown category as a refusal anyway.
CREATE TABLE attendees (
  ticket_id     INTEGER PRIMARY KEY CHECK (ticket_id BETWEEN 1 AND 4294967295),
  display_name  TEXT NOT NULL,
  organisation  TEXT NOT NULL DEFAULT '',
  category      INTEGER NOT NULL CHECK (category BETWEEN 0 AND 255),
  days          INTEGER NOT NULL CHECK (days BETWEEN 0 AND 4294967295),
  status        TEXT NOT NULL CHECK (status IN ('active', 'canceled', 'blocked'))
) STRICT;

CREATE TABLE revocations (
  ticket_id   INTEGER PRIMARY KEY CHECK (ticket_id BETWEEN 0 AND 4294967295),
  revoked_at  INTEGER NOT NULL,
  reason      TEXT NOT NULL DEFAULT ''
) STRICT;

-- This kiosk's own admissions and those it learnt from the server and its peers.
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

-- A badge to print for an admission; reprint 0 is the first badge, 1.. are marked reprints.
CREATE TABLE print_jobs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kiosk_id    TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'done', 'failed')),
  attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  reprint     INTEGER NOT NULL DEFAULT 0 CHECK (reprint >= 0),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  FOREIGN KEY (kiosk_id, seq) REFERENCES admission_events (kiosk_id, seq),
  UNIQUE (kiosk_id, seq, reprint)
) STRICT;
CREATE INDEX print_jobs_unfinished ON print_jobs (id) WHERE state IN ('queued', 'printing');

-- next_seq, hlc_wall, hlc_logical, sync_cursor.
CREATE TABLE kiosk_state (
  key    TEXT PRIMARY KEY,
  value  ANY NOT NULL
) STRICT, WITHOUT ROWID;
)sql";

constexpr std::array kKiosk{
    Migration{1, kKioskV1},
};

}  // namespace

std::span<const Migration> kiosk_migrations() {
  return kKiosk;
}

}  // namespace einlass::storage_detail
