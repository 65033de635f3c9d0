#pragma once
// The messages of sync protocol version 1 after the handshake (see handshake.h), as values. Each
// travels as one frame (frame.h) whose payload is a JSON object. Parsers accept exactly what the
// encoders write, bound every list, and say which field is wrong; no input makes them throw.
//
// A connection, once the kiosk has said hello:
//   kiosk  → push      its own admission events, oldest first, at most kMaxPushEvents
//   server → ack       the range it stored (repeating a push is harmless: stored once)
//   kiosk  → pull      changes since its cursor
//   server → snapshot  parts of a whole replica when the cursor is empty, foreign or far behind
//   server → changes   what happened since the cursor; then, unasked, whenever something happens
//   kiosk  → claim     "may I admit this ticket today?" before admitting while online
//   server → claim_result
//   kiosk  → heartbeat device health, every few seconds
//   server → command   reprint, pause, resume
//   either → error     why it closes the connection
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "event/attendee.h"
#include "event/event_config.h"
#include "eventlog/admission_event.h"
#include "eventlog/revocation.h"
#include "sync/sync_error.h"
#include "ticket/keyring.h"
#include "ticket/ticket.h"

namespace einlass {

// Bounds that keep every message well inside kMaxFramePayload (1 MiB); senders split their lists
// into messages of at most this many entries (for Changes: all its lists together), receivers
// refuse more.
inline constexpr std::size_t kMaxPushEvents = 500;
// 500 admissions with the longest staff names and reasons still fit in one frame with a config.
inline constexpr std::size_t kMaxChangeEntries = 500;

struct Push {
  std::vector<AdmissionEvent> events;  // one kiosk's, in sequence order
  bool operator==(const Push&) const = default;
};

// The server stored (or already held) events first_seq..last_seq of `kiosk_id`.
struct Ack {
  std::string kiosk_id;
  std::uint64_t first_seq = 0;
  std::uint64_t last_seq = 0;
  bool operator==(const Ack&) const = default;
};

struct Pull {
  std::string cursor;  // empty: from the beginning
  bool operator==(const Pull&) const = default;
};

struct PublicKeyEntry {
  KeyId id = 0;
  Ed25519PublicKey public_key{};
  bool operator==(const PublicKeyEntry&) const = default;
};

struct RevokedCard {
  std::uint32_t card_id = 0;
  Timestamp revoked_at{};
  bool operator==(const RevokedCard&) const = default;
};

// The event as a kiosk needs it: its config, the keys it trusts (retired keys are left out, so a
// kiosk refuses their tickets as unknown_key) and the staff cards no longer accepted.
struct ReplicaConfig {
  EventConfig event;
  std::vector<PublicKeyEntry> keys;
  std::vector<RevokedCard> revoked_staff_cards;
  bool operator==(const ReplicaConfig&) const;
};

// One `changes` message, or one part of a `snapshot`. In a snapshot the parts together replace
// the replica's attendees, revocations, keys and config; admissions are added to what the kiosk
// holds (its own are never taken away).
struct Changes {
  std::string cursor;  // the position after this message; empty in all but the last part
  bool more = false;   // another part follows at once
  std::int64_t server_time_ms = 0;  // the server's clock when it sent this (for clock skew)
  std::optional<ReplicaConfig>
      config;  // set when the config changed (and in a snapshot's first part)
  std::vector<AttendeeRecord> attendees;        // added or changed
  std::vector<TicketId> removed_attendees;      // deleted on the server (personal data purged)
  std::vector<Revocation> revocations;          // added or changed
  std::vector<TicketId> withdrawn_revocations;  // a revocation taken back
  std::vector<AdmissionEvent> admissions;       // other kiosks' and staff admissions
  bool operator==(const Changes&) const;
};

// Before admitting while online (scenario 3): may this ticket be used today?
struct Claim {
  std::uint32_t request = 0;  // echoed in the result
  TicketId ticket_id = 0;
  int event_day = 0;
  bool operator==(const Claim&) const = default;
};

struct ClaimResult {
  std::uint32_t request = 0;
  bool granted = false;
  // Refused: the admissions the server holds for the ticket that day, so the kiosk stores them
  // and refuses with "already admitted at <kiosk>, <time>" from its own rules.
  std::vector<AdmissionEvent> admissions;
  // Refused because another kiosk claimed it a moment ago and has not reported the admission yet.
  std::string claimed_by;
  bool operator==(const ClaimResult&) const = default;
};

enum class PrinterHealth { ok, paper_out, offline, error, unknown };
enum class ScannerHealth { ok, missing, error };

std::string_view to_string(PrinterHealth state);
std::string_view to_string(ScannerHealth state);

// A refusal the kiosk made, for the desk: who (when the code was a ticket of this event) and why.
struct RefusalNote {
  std::optional<TicketId> ticket_id;  // nullopt: not a ticket of this event (or unreadable)
  std::string reason;                 // the refusal reason's word: "already_admitted", ...
  std::int64_t at_ms = 0;             // the kiosk's clock
  bool operator==(const RefusalNote&) const = default;
};

inline constexpr std::size_t kMaxRecentRefusals = 20;

// What staff need to see of a kiosk: its devices, and what it has been doing.
struct DeviceHealth {
  PrinterHealth printer = PrinterHealth::unknown;
  std::string printer_detail;  // the driver's words: "media-empty", "connection refused"
  ScannerHealth scanner = ScannerHealth::ok;
  std::string scanner_detail;
  bool paused = false;  // staff paused the kiosk
  // Refusals by reason word since the kiosk daemon started (a counter that may reset).
  std::map<std::string, std::uint64_t> refusals;
  // The replica's print jobs by state word: "queued", "printing", "done", "failed".
  std::map<std::string, std::uint64_t> print_jobs;
  std::vector<RefusalNote> recent_refusals;  // at most kMaxRecentRefusals, newest first
  bool operator==(const DeviceHealth&) const = default;
};

struct Heartbeat {
  DeviceHealth health;
  std::uint64_t unsynced = 0;      // own events not yet acknowledged
  std::int64_t kiosk_time_ms = 0;  // the kiosk's wall clock when sent
  Hlc hlc;                         // the kiosk's last clock stamp
  std::uint64_t last_command = 0;  // the highest command id carried out
  bool operator==(const Heartbeat&) const = default;
};

enum class CommandKind { reprint, pause, resume };
std::string_view to_string(CommandKind kind);

struct Command {
  std::uint64_t id = 0;  // increasing per server; a kiosk carries out each id once
  CommandKind kind = CommandKind::pause;
  TicketId ticket_id = 0;  // reprint: whose badge
  std::string staff;       // who ordered it
  std::string reason;
  bool operator==(const Command&) const = default;
};

struct ErrorMessage {
  std::string message;
  bool operator==(const ErrorMessage&) const = default;
};

std::string encode_push(const Push& message);
SyncResult<Push> parse_push(std::string_view payload);
std::string encode_ack(const Ack& message);
SyncResult<Ack> parse_ack(std::string_view payload);
std::string encode_pull(const Pull& message);
SyncResult<Pull> parse_pull(std::string_view payload);
// Used for both `changes` and `snapshot` frames.
std::string encode_changes(const Changes& message);
SyncResult<Changes> parse_changes(std::string_view payload);
std::string encode_claim(const Claim& message);
SyncResult<Claim> parse_claim(std::string_view payload);
std::string encode_claim_result(const ClaimResult& message);
SyncResult<ClaimResult> parse_claim_result(std::string_view payload);
std::string encode_heartbeat(const Heartbeat& message);
SyncResult<Heartbeat> parse_heartbeat(std::string_view payload);
std::string encode_command(const Command& message);
SyncResult<Command> parse_command(std::string_view payload);
std::string encode_error(const ErrorMessage& message);
SyncResult<ErrorMessage> parse_error(std::string_view payload);

}  // namespace einlass
