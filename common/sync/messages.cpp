// The JSON of sync protocol 1's messages. Rules of the encoding:
// - One JSON object per frame payload; unknown fields are ignored, every known one is checked
//   (present, type, range) and the error names the message, the list entry (from 1) and the field.
// - Admission events in push, changes and claim_result share one compact form:
//   {"k":kiosk,"s":seq,"t":ticket,"kind":"entry"|"exit"|"manual_entry","at":scan ms,
//    "hw":hlc wall ms,"hl":hlc logical,"d":event day} plus "staff" and "why" only when not empty.
//   Attendees: {"t","n","o","c","days","st"}; revocations: {"t","at"} plus "why" when not empty.
// - Times are Unix milliseconds; Ed25519 public keys 64 lowercase hex digits; cursors at most 128
//   printable ASCII characters.
// - Text bounds are in bytes of UTF-8: staff 64, reasons 500, names and organisations 200, device
//   details 200, error messages 1000.
// - Numbers: ticket ids 1..2^32-1, sequence numbers and command ids up to 2^63-1 (SQLite's
//   integers), event days 1..32, categories and key ids 0..255, day masks, hlc logical and claim
//   requests u32.
// - Heartbeats carry what the kiosk did since its daemon started: "refusals" and "print_jobs" as
//   objects of counts by word (each a reason word of rules/reason.h, or a print job state),
//   "recent_refusals" as at most 20 {"t":ticket or null,"reason":word,"at":kiosk ms}. A heartbeat
//   without them (an older kiosk) reads as none.
#include "sync/messages.h"

#include <array>

#include "rules/reason.h"
#include "sync/json_fields.h"
#include "sync/record_json.h"

namespace einlass {

namespace {

using sync_json::bad;
using sync_json::FieldReader;
using sync_json::json;
using sync_json::parse_object;
using sync_json::Place;
using sync_json::read_entries;

constexpr std::size_t kMaxClaimAdmissions = 64;
constexpr std::size_t kMaxDetailBytes = 200;
constexpr std::size_t kMaxErrorBytes = 1000;
constexpr std::array<std::string_view, 5> kPrinterStates{"ok", "paper_out", "offline", "error",
                                                         "unknown"};
constexpr std::array<std::string_view, 3> kScannerStates{"ok", "missing", "error"};
constexpr std::array<std::string_view, 3> kCommandKinds{"reprint", "pause", "resume"};
// The states of the kiosk schema's print_jobs table (storage/print_job_repository.h).
constexpr std::array<std::string_view, 4> kPrintJobStates{"queued", "printing", "done", "failed"};
const std::array<std::string_view, kAllReasons.size()>& reason_words() {
  static const auto words = [] {
    std::array<std::string_view, kAllReasons.size()> w{};
    for (std::size_t i = 0; i < w.size(); ++i) w[i] = to_string(kAllReasons[i]);
    return w;
  }();
  return words;
}

// Texts that are not valid UTF-8 cannot be written as JSON; they are replaced rather than thrown
// about, and the receiver sees the replacement characters.
std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json events_json(const std::vector<AdmissionEvent>& events) {
  json out = json::array();
  out.get_ref<json::array_t&>().reserve(events.size());
  for (const auto& e : events) out.push_back(sync_json::event_json(e));
  return out;
}

json ticket_ids_json(const std::vector<TicketId>& ids) {
  json out = json::array();
  out.get_ref<json::array_t&>().reserve(ids.size());
  for (const TicketId id : ids) out.push_back(id);
  return out;
}

}  // namespace

std::string_view to_string(PrinterHealth state) {
  const auto i = static_cast<std::size_t>(state);
  return i < kPrinterStates.size() ? kPrinterStates[i] : "unknown";
}

std::string_view to_string(ScannerHealth state) {
  const auto i = static_cast<std::size_t>(state);
  return i < kScannerStates.size() ? kScannerStates[i] : "error";
}

std::string_view to_string(CommandKind kind) {
  const auto i = static_cast<std::size_t>(kind);
  return i < kCommandKinds.size() ? kCommandKinds[i] : "pause";
}

bool ReplicaConfig::operator==(const ReplicaConfig& other) const {
  const EventConfig& a = event;
  const EventConfig& b = other.event;
  return a.id == b.id && a.name == b.name && a.time_zone == b.time_zone &&
         a.first_day == b.first_day && a.day_count == b.day_count && a.reentry == b.reentry &&
         a.categories == b.categories && keys == other.keys &&
         revoked_staff_cards == other.revoked_staff_cards;
}

bool Changes::operator==(const Changes& other) const {
  return cursor == other.cursor && more == other.more && server_time_ms == other.server_time_ms &&
         config == other.config && attendees == other.attendees &&
         removed_attendees == other.removed_attendees && revocations == other.revocations &&
         withdrawn_revocations == other.withdrawn_revocations && admissions == other.admissions;
}

std::string encode_push(const Push& message) {
  return dump(json{{"events", events_json(message.events)}});
}

SyncResult<Push> parse_push(std::string_view payload) {
  auto object = parse_object("push", payload);
  if (!object) return std::unexpected(std::move(object.error()));
  FieldReader in("push", *object);
  const json* events = in.list("events", kMaxPushEvents);
  if (in.failed()) return in.error();
  Push message;
  if (auto error = read_entries("push", "event", *events, sync_json::read_event, message.events))
    return std::unexpected(std::move(*error));
  return message;
}

std::string encode_ack(const Ack& message) {
  return dump(
      json{{"kiosk", message.kiosk_id}, {"first", message.first_seq}, {"last", message.last_seq}});
}

SyncResult<Ack> parse_ack(std::string_view payload) {
  auto object = parse_object("ack", payload);
  if (!object) return std::unexpected(std::move(object.error()));
  FieldReader in("ack", *object);
  Ack message;
  message.kiosk_id = in.kiosk_id("kiosk");
  message.first_seq = in.number<std::uint64_t>("first", 0, sync_json::kMaxSeq);
  message.last_seq = in.number<std::uint64_t>("last", 0, sync_json::kMaxSeq);
  if (in.failed()) return in.error();
  return message;
}

std::string encode_pull(const Pull& message) {
  return dump(json{{"cursor", message.cursor}});
}

SyncResult<Pull> parse_pull(std::string_view payload) {
  auto object = parse_object("pull", payload);
  if (!object) return std::unexpected(std::move(object.error()));
  FieldReader in("pull", *object);
  Pull message;
  message.cursor = in.cursor("cursor");
  if (in.failed()) return in.error();
  return message;
}

std::string encode_changes(const Changes& message) {
  json attendees = json::array();
  attendees.get_ref<json::array_t&>().reserve(message.attendees.size());
  for (const auto& a : message.attendees) attendees.push_back(sync_json::attendee_json(a));
  json revocations = json::array();
  for (const auto& r : message.revocations) revocations.push_back(sync_json::revocation_json(r));
  json out{{"cursor", message.cursor},
           {"more", message.more},
           {"time", message.server_time_ms},
           {"attendees", std::move(attendees)},
           {"removed", ticket_ids_json(message.removed_attendees)},
           {"revocations", std::move(revocations)},
           {"withdrawn", ticket_ids_json(message.withdrawn_revocations)},
           {"admissions", events_json(message.admissions)}};
  if (message.config) out["config"] = sync_json::config_json(*message.config);
  return dump(out);
}

SyncResult<Changes> parse_changes(std::string_view payload) {
  constexpr const char* name = "changes";
  auto object = parse_object(name, payload);
  if (!object) return std::unexpected(std::move(object.error()));
  FieldReader in(name, *object);
  Changes message;
  message.cursor = in.cursor("cursor");
  message.more = in.boolean("more");
  message.server_time_ms = in.integer("time", sync_json::kMinTime, sync_json::kMaxTime);
  const json* config = in.optional_object("config");
  const json* attendees = in.list("attendees", kMaxChangeEntries);
  const json* removed = in.list("removed", kMaxChangeEntries);
  const json* revocations = in.list("revocations", kMaxChangeEntries);
  const json* withdrawn = in.list("withdrawn", kMaxChangeEntries);
  const json* admissions = in.list("admissions", kMaxChangeEntries);
  if (in.failed()) return in.error();
  const std::size_t entries = attendees->size() + removed->size() + revocations->size() +
                              withdrawn->size() + admissions->size();
  if (entries > kMaxChangeEntries)
    return bad(name, std::to_string(entries) + " entries in all its lists; at most " +
                         std::to_string(kMaxChangeEntries));

  if (config) {
    auto read = sync_json::read_config(name, *config);
    if (!read) return std::unexpected(std::move(read.error()));
    message.config = std::move(*read);
  }
  std::optional<SyncError> error =
      read_entries(name, "attendee", *attendees, sync_json::read_attendee, message.attendees);
  if (!error)
    error = sync_json::read_ticket_ids(name, "removed", *removed, message.removed_attendees);
  if (!error)
    error = read_entries(name, "revocation", *revocations, sync_json::read_revocation,
                         message.revocations);
  if (!error)
    error =
        sync_json::read_ticket_ids(name, "withdrawn", *withdrawn, message.withdrawn_revocations);
  if (!error)
    error = read_entries(name, "admission", *admissions, sync_json::read_event, message.admissions);
  if (error) return std::unexpected(std::move(*error));
  return message;
}

std::string encode_claim(const Claim& message) {
  return dump(
      json{{"request", message.request}, {"t", message.ticket_id}, {"d", message.event_day}});
}

SyncResult<Claim> parse_claim(std::string_view payload) {
  auto object = parse_object("claim", payload);
  if (!object) return std::unexpected(std::move(object.error()));
  FieldReader in("claim", *object);
  Claim message;
  message.request = in.number<std::uint32_t>("request", 0, 0xFFFF'FFFF);
  message.ticket_id = in.number<TicketId>("t", 1, sync_json::kMaxTicketId);
  message.event_day = in.number<int>("d", 1, kMaxEventDays);
  if (in.failed()) return in.error();
  return message;
}

std::string encode_claim_result(const ClaimResult& message) {
  json out{{"request", message.request},
           {"granted", message.granted},
           {"admissions", events_json(message.admissions)}};
  if (!message.claimed_by.empty()) out["by"] = message.claimed_by;
  return dump(out);
}

SyncResult<ClaimResult> parse_claim_result(std::string_view payload) {
  constexpr const char* name = "claim_result";
  auto object = parse_object(name, payload);
  if (!object) return std::unexpected(std::move(object.error()));
  FieldReader in(name, *object);
  ClaimResult message;
  message.request = in.number<std::uint32_t>("request", 0, 0xFFFF'FFFF);
  message.granted = in.boolean("granted");
  const json* admissions = in.list("admissions", kMaxClaimAdmissions);
  if (!in.failed() && object->contains("by")) message.claimed_by = in.kiosk_id("by");
  if (in.failed()) return in.error();
  if (auto error =
          read_entries(name, "admission", *admissions, sync_json::read_event, message.admissions))
    return std::unexpected(std::move(*error));
  return message;
}

std::string encode_heartbeat(const Heartbeat& message) {
  const DeviceHealth& h = message.health;
  json recent = json::array();
  for (const auto& note : h.recent_refusals) {
    recent.push_back(json{{"t", note.ticket_id ? json(*note.ticket_id) : json(nullptr)},
                          {"reason", note.reason},
                          {"at", note.at_ms}});
  }
  return dump(json{{"printer", to_string(h.printer)},
                   {"printer_detail", h.printer_detail},
                   {"scanner", to_string(h.scanner)},
                   {"scanner_detail", h.scanner_detail},
                   {"paused", h.paused},
                   {"refusals", h.refusals},
                   {"print_jobs", h.print_jobs},
                   {"recent_refusals", std::move(recent)},
                   {"unsynced", message.unsynced},
                   {"time", message.kiosk_time_ms},
                   {"hw", message.hlc.wall_ms},
                   {"hl", message.hlc.logical},
                   {"last_command", message.last_command}});
}

namespace {

SyncResult<RefusalNote> read_refusal(const Place& place, const json& value) {
  if (!value.is_object()) return bad(place, "not a JSON object");
  FieldReader in(place, value);
  RefusalNote note;
  if (auto id = in.nullable_integer("t", 1, sync_json::kMaxTicketId))
    note.ticket_id = static_cast<TicketId>(*id);
  const auto& words = reason_words();
  note.reason = std::string(words[in.choice("reason", words)]);
  note.at_ms = in.integer("at", sync_json::kMinTime, sync_json::kMaxTime);
  if (in.failed()) return in.error();
  return note;
}

}  // namespace

SyncResult<Heartbeat> parse_heartbeat(std::string_view payload) {
  auto object = parse_object("heartbeat", payload);
  if (!object) return std::unexpected(std::move(object.error()));
  FieldReader in("heartbeat", *object);
  Heartbeat message;
  DeviceHealth& h = message.health;
  h.printer = static_cast<PrinterHealth>(in.choice("printer", kPrinterStates));
  h.printer_detail = in.text("printer_detail", kMaxDetailBytes, true);
  h.scanner = static_cast<ScannerHealth>(in.choice("scanner", kScannerStates));
  h.scanner_detail = in.text("scanner_detail", kMaxDetailBytes, true);
  h.paused = in.boolean("paused");
  h.refusals = in.optional_counts("refusals", reason_words());
  h.print_jobs = in.optional_counts("print_jobs", kPrintJobStates);
  const json* recent = in.optional_list("recent_refusals", kMaxRecentRefusals);
  message.unsynced = in.number<std::uint64_t>("unsynced", 0, sync_json::kMaxSeq);
  message.kiosk_time_ms = in.integer("time", sync_json::kMinTime, sync_json::kMaxTime);
  message.hlc.wall_ms = in.integer("hw", sync_json::kMinTime, sync_json::kMaxTime);
  message.hlc.logical = in.number<std::uint32_t>("hl", 0, 0xFFFF'FFFF);
  message.last_command = in.number<std::uint64_t>("last_command", 0, sync_json::kMaxSeq);
  if (in.failed()) return in.error();
  if (recent) {
    if (auto error = read_entries("heartbeat", "refusal", *recent, read_refusal, h.recent_refusals))
      return std::unexpected(std::move(*error));
  }
  return message;
}

std::string encode_command(const Command& message) {
  json out{{"id", message.id}, {"kind", to_string(message.kind)}};
  // Only a reprint names a ticket; a stray id on pause or resume is not sent.
  if (message.kind == CommandKind::reprint) out["t"] = message.ticket_id;
  if (!message.staff.empty()) out["staff"] = message.staff;
  if (!message.reason.empty()) out["why"] = message.reason;
  return dump(out);
}

SyncResult<Command> parse_command(std::string_view payload) {
  auto object = parse_object("command", payload);
  if (!object) return std::unexpected(std::move(object.error()));
  FieldReader in("command", *object);
  Command message;
  message.id = in.number<std::uint64_t>("id", 1, sync_json::kMaxSeq);
  message.kind = static_cast<CommandKind>(in.choice("kind", kCommandKinds));
  if (!in.failed() && message.kind == CommandKind::reprint)
    message.ticket_id = in.number<TicketId>("t", 1, sync_json::kMaxTicketId);
  else if (!in.failed() && object->contains("t"))
    in.fail("\"t\" belongs only to a reprint, not to " + std::string(to_string(message.kind)));
  message.staff = in.optional_text("staff", sync_json::kMaxStaffBytes);
  message.reason = in.optional_text("why", sync_json::kMaxReasonBytes);
  if (in.failed()) return in.error();
  return message;
}

std::string encode_error(const ErrorMessage& message) {
  return dump(json{{"message", message.message}});
}

SyncResult<ErrorMessage> parse_error(std::string_view payload) {
  auto object = parse_object("error", payload);
  if (!object) return std::unexpected(std::move(object.error()));
  FieldReader in("error", *object);
  ErrorMessage message;
  message.message = in.text("message", kMaxErrorBytes, false);
  if (in.failed()) return in.error();
  return message;
}

}  // namespace einlass
