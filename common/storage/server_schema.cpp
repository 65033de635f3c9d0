// The server's registration database. Times are Unix milliseconds (UTC); dates are ISO text.
// Tables are STRICT so that a wrongly typed value is refused instead of silently stored.
#include <array>

#include "storage/schema.h"
#include "storage/shared_schema.h"

namespace einlass::storage_detail {

namespace {

constexpr const char* kServerV1 = R"sql(
CREATE TABLE signing_keys (
  key_id       INTEGER PRIMARY KEY CHECK (key_id BETWEEN 0 AND 255),
  private_pem  TEXT NOT NULL,
  public_key   BLOB NOT NULL CHECK (length(public_key) = 32),
  created_at   INTEGER NOT NULL,
  retired_at   INTEGER               -- set: signs nothing and leaves every keyring
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

// Version 2: staff cards. The card itself (name, PIN hash, signature) is printed, not stored:
// the server only needs to know which ids it issued to whom and which are revoked.
constexpr const char* kServerV2 = R"sql(
CREATE TABLE staff_cards (
  card_id        INTEGER PRIMARY KEY AUTOINCREMENT CHECK (card_id BETWEEN 1 AND 4294967295),
  staff_name     TEXT NOT NULL CHECK (staff_name <> ''),
  key_id         INTEGER NOT NULL CHECK (key_id BETWEEN 0 AND 255),
  issued_at      INTEGER NOT NULL,
  revoked_at     INTEGER,             -- set: no kiosk accepts the card any more
  revoke_reason  TEXT NOT NULL DEFAULT ''
) STRICT;
)sql";

constexpr std::array kServer{
    Migration{1, kSharedTablesV1, kServerV1},
    Migration{2, nullptr, kServerV2},
};

}  // namespace

std::span<const Migration> server_migrations() {
  return kServer;
}

}  // namespace einlass::storage_detail
