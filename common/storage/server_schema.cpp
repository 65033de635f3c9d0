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

// Version 3: sync. `sync_log` records, through triggers, every change a kiosk must learn, in commit
// order, whichever process made it (the server, or einlass-admin beside it): its id is the pull
// cursor, and its growth is how the running server notices an organiser's change. Kinds 'tls' and
// 'command' concern only the server (a revoked kiosk certificate, a queued kiosk command).
constexpr const char* kServerV3 = R"sql(
-- No AUTOINCREMENT: rows are never deleted, so max(id) + 1 only grows, without the extra write
-- to sqlite_sequence for every admission stored.
CREATE TABLE sync_log (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL
             CHECK (kind IN ('attendee', 'revocation', 'admission', 'config', 'tls', 'command')),
  ticket_id  INTEGER,  -- attendee, revocation
  kiosk_id   TEXT,     -- admission (with seq), command
  seq        INTEGER
) STRICT;

CREATE TRIGGER sync_attendee_added AFTER INSERT ON attendees BEGIN
  INSERT INTO sync_log (kind, ticket_id) VALUES ('attendee', NEW.ticket_id);
END;
-- Only a change a replica holds: an e-mail correction or a re-import of the same row is silent.
CREATE TRIGGER sync_attendee_changed AFTER UPDATE ON attendees
WHEN OLD.display_name IS NOT NEW.display_name OR OLD.organisation IS NOT NEW.organisation
  OR OLD.category IS NOT NEW.category OR OLD.days IS NOT NEW.days OR OLD.status IS NOT NEW.status
BEGIN
  INSERT INTO sync_log (kind, ticket_id) VALUES ('attendee', NEW.ticket_id);
END;
CREATE TRIGGER sync_attendee_removed AFTER DELETE ON attendees BEGIN
  INSERT INTO sync_log (kind, ticket_id) VALUES ('attendee', OLD.ticket_id);
END;
CREATE TRIGGER sync_revocation_added AFTER INSERT ON revocations BEGIN
  INSERT INTO sync_log (kind, ticket_id) VALUES ('revocation', NEW.ticket_id);
END;
CREATE TRIGGER sync_revocation_changed AFTER UPDATE ON revocations BEGIN
  INSERT INTO sync_log (kind, ticket_id) VALUES ('revocation', NEW.ticket_id);
END;
CREATE TRIGGER sync_revocation_removed AFTER DELETE ON revocations BEGIN
  INSERT INTO sync_log (kind, ticket_id) VALUES ('revocation', OLD.ticket_id);
END;
CREATE TRIGGER sync_admission_added AFTER INSERT ON admission_events BEGIN
  INSERT INTO sync_log (kind, kiosk_id, seq) VALUES ('admission', NEW.kiosk_id, NEW.seq);
END;
CREATE TRIGGER sync_event_added AFTER INSERT ON event BEGIN
  INSERT INTO sync_log (kind) VALUES ('config');
END;
CREATE TRIGGER sync_event_changed AFTER UPDATE ON event BEGIN
  INSERT INTO sync_log (kind) VALUES ('config');
END;
CREATE TRIGGER sync_category_added AFTER INSERT ON categories BEGIN
  INSERT INTO sync_log (kind) VALUES ('config');
END;
CREATE TRIGGER sync_category_changed AFTER UPDATE ON categories BEGIN
  INSERT INTO sync_log (kind) VALUES ('config');
END;
CREATE TRIGGER sync_category_removed AFTER DELETE ON categories BEGIN
  INSERT INTO sync_log (kind) VALUES ('config');
END;
CREATE TRIGGER sync_key_added AFTER INSERT ON signing_keys BEGIN
  INSERT INTO sync_log (kind) VALUES ('config');
END;
CREATE TRIGGER sync_key_changed AFTER UPDATE ON signing_keys BEGIN
  INSERT INTO sync_log (kind) VALUES ('config');
END;
CREATE TRIGGER sync_staff_card_changed AFTER UPDATE ON staff_cards
WHEN OLD.revoked_at IS NOT NEW.revoked_at
BEGIN
  INSERT INTO sync_log (kind) VALUES ('config');
END;

-- What existed before this version: a kiosk that pulls from the start learns all of it.
INSERT INTO sync_log (kind) SELECT 'config' FROM event;
INSERT INTO sync_log (kind, ticket_id) SELECT 'attendee', ticket_id FROM attendees;
INSERT INTO sync_log (kind, ticket_id) SELECT 'revocation', ticket_id FROM revocations;
INSERT INTO sync_log (kind, kiosk_id, seq)
  SELECT 'admission', kiosk_id, seq FROM admission_events ORDER BY rowid;

-- The event's certificate authority for sync TLS, created by the first provision-kiosk.
CREATE TABLE tls_authority (
  singleton        INTEGER PRIMARY KEY CHECK (singleton = 1),
  certificate_pem  TEXT NOT NULL,
  private_key_pem  TEXT NOT NULL,
  created_at       INTEGER NOT NULL
) STRICT;

-- Every client certificate issued to a kiosk; a revoked one is refused during the handshake.
CREATE TABLE kiosk_certificates (
  serial         TEXT PRIMARY KEY,  -- hex, as OpenSSL prints it
  kiosk_id       TEXT NOT NULL,
  issued_at      INTEGER NOT NULL,
  not_after      INTEGER NOT NULL,
  revoked_at     INTEGER,
  revoke_reason  TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TRIGGER sync_certificate_changed AFTER UPDATE ON kiosk_certificates
WHEN OLD.revoked_at IS NOT NEW.revoked_at
BEGIN
  INSERT INTO sync_log (kind, kiosk_id) VALUES ('tls', NEW.kiosk_id);
END;

-- Server settings kept with the event: 'sync_address', the host:port kiosk bundles point at.
CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  ANY NOT NULL
) STRICT, WITHOUT ROWID;

-- What each kiosk last told the server. Written by the server process; read by einlass-admin
-- status and the dashboard.
CREATE TABLE kiosks (
  kiosk_id       TEXT PRIMARY KEY,
  software       TEXT NOT NULL DEFAULT '',
  address        TEXT NOT NULL DEFAULT '',
  connected      INTEGER NOT NULL DEFAULT 0 CHECK (connected IN (0, 1)),
  first_seen     INTEGER NOT NULL,
  last_seen      INTEGER NOT NULL,
  health         TEXT NOT NULL DEFAULT '{}',  -- the last heartbeat's device health, JSON
  unsynced       INTEGER NOT NULL DEFAULT 0,
  clock_skew_ms  INTEGER,                     -- kiosk clock minus server clock
  last_command   INTEGER NOT NULL DEFAULT 0   -- the highest command id the kiosk carried out
) STRICT;

-- Things staff must look at. One row per (kind, kiosk, seq): raising an alert again is a no-op.
CREATE TABLE alerts (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  kind             TEXT NOT NULL CHECK (kind IN ('duplicate', 'admitted_after_revocation',
                   'key_conflict', 'clock_skew', 'kiosk_offline', 'printer')),
  kiosk_id         TEXT NOT NULL DEFAULT '',
  seq              INTEGER NOT NULL DEFAULT 0,
  ticket_id        INTEGER,
  detail           TEXT NOT NULL DEFAULT '',
  raised_at        INTEGER NOT NULL,
  acknowledged_at  INTEGER,
  acknowledged_by  TEXT NOT NULL DEFAULT '',
  UNIQUE (kind, kiosk_id, seq)
) STRICT;

-- Orders for one kiosk (reprint a badge, pause, resume), delivered when it is connected.
CREATE TABLE kiosk_commands (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  kiosk_id    TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('reprint', 'pause', 'resume')),
  ticket_id   INTEGER,
  staff       TEXT NOT NULL,
  reason      TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL
) STRICT;
CREATE TRIGGER sync_command_added AFTER INSERT ON kiosk_commands BEGIN
  INSERT INTO sync_log (kind, kiosk_id) VALUES ('command', NEW.kiosk_id);
END;
)sql";

// Version 4: staff accounts of the dashboard and their sessions. A password is kept only as its
// Argon2id encoded hash (salt and cost inside it), a session only as the SHA-256 of its token:
// a copy of this file opens no account and no session.
constexpr const char* kServerV4 = R"sql(
CREATE TABLE staff_accounts (
  login          TEXT PRIMARY KEY
                 CHECK (length(login) BETWEEN 1 AND 64 AND login NOT GLOB '*[^a-z0-9._-]*'),
  role           TEXT NOT NULL CHECK (role IN ('viewer', 'desk', 'admin')),
  password_hash  TEXT NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
  created_at     INTEGER NOT NULL,
  disabled_at    INTEGER               -- set: cannot sign in; the account and its history stay
) STRICT, WITHOUT ROWID;

CREATE TABLE staff_sessions (
  token_hash  TEXT PRIMARY KEY CHECK (length(token_hash) = 64),  -- hex SHA-256 of the token
  login       TEXT NOT NULL REFERENCES staff_accounts (login),
  csrf_token  TEXT NOT NULL CHECK (csrf_token <> ''),
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX staff_sessions_by_login ON staff_sessions (login);
)sql";

constexpr std::array kServer{
    Migration{1, kSharedTablesV1, kServerV1},
    Migration{2, nullptr, kServerV2},
    Migration{3, nullptr, kServerV3},
    Migration{4, nullptr, kServerV4},
};

}  // namespace

std::span<const Migration> server_migrations() {
  return kServer;
}

}  // namespace einlass::storage_detail
