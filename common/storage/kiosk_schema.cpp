// A kiosk's replica: what it needs to decide and print alone. No e-mail addresses and no
// external ids: a stolen kiosk gives away no more than the badges it would print.
#include <array>

#include "storage/schema.h"
#include "storage/shared_schema.h"

namespace einlass::storage_detail {

namespace {

constexpr const char* kKioskV1 = R"sql(
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

// Version 2: the staff cards the server revoked. Valid cards need no row: they carry everything
// a kiosk checks, so the replica holds no staff names.
constexpr const char* kKioskV2 = R"sql(
CREATE TABLE revoked_staff_cards (
  card_id     INTEGER PRIMARY KEY CHECK (card_id BETWEEN 1 AND 4294967295),
  revoked_at  INTEGER NOT NULL
) STRICT;
)sql";

constexpr std::array kKiosk{
    Migration{1, kSharedTablesV1, kKioskV1},
    Migration{2, nullptr, kKioskV2},
};

}  // namespace

std::span<const Migration> kiosk_migrations() {
  return kKiosk;
}

}  // namespace einlass::storage_detail
