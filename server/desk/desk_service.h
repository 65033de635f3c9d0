#pragma once
// What the staff dashboard shows and does, over the server database: counts, admissions, kiosks,
// alerts, attendee search and history, manual admission, reprints, cancel and revoke, the
// attendance export, the audit log and the Prometheus metrics. No sockets and no roles: the web
// layer checks the role, then calls this with the signed-in login. Every JSON shape is the one
// docs/DASHBOARD-API.md gives; every action is committed together with its audit entry.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <expected>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "base/time.h"
#include "eventlog/admission_event.h"
#include "storage/database.h"
#include "ticket/ticket.h"

namespace einlass {

struct DeskError {
  enum class Kind {
    invalid,    // 400: a bad parameter ("reason is required")
    not_found,  // 404: no such ticket, kiosk or alert
    conflict,   // 409: the action does not apply now ("T000042 is canceled", already admitted)
    storage,    // 503: the database failed or is busy
  };
  Kind kind = Kind::storage;
  std::string code;     // machine-readable, the API's error.code: "reason_required", ...
  std::string message;  // for staff, English
};

template <class T>
using DeskResult = std::expected<T, DeskError>;

// A kiosk disconnected (or without a heartbeat) this long is offline: the server passes it to
// raise_offline_alerts, and the kiosks page lists it among the kiosk's problems.
inline constexpr std::chrono::seconds kOfflineAfter{60};

struct AdmissionFilter {
  std::optional<int> day;  // event day, 1-based
  std::string kiosk;       // empty: all ("desk" for manual admissions)
  std::string kind;        // empty, "entry", "exit" or "manual_entry"
  std::optional<TicketId> ticket;
  std::optional<std::string> before;  // the `next` of the previous page
  std::size_t limit = 50;             // 1..200
};

// Not thread-safe (neither is its Database): one per thread or event loop.
class DeskService {
 public:
  DeskService(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  DeskResult<nlohmann::json> summary();
  DeskResult<nlohmann::json> admissions(const AdmissionFilter& filter);
  DeskResult<nlohmann::json> kiosks();
  DeskResult<nlohmann::json> alerts(bool include_acknowledged);
  DeskResult<nlohmann::json> acknowledge_alert(std::int64_t id, std::string_view login);
  // Name, organisation (case and accents forgiven: "muller" finds "Müller") or ticket id.
  DeskResult<nlohmann::json> search(std::string_view query, std::size_t limit);
  DeskResult<nlohmann::json> attendee(TicketId ticket);

  // Actions: `login` is the signed-in staff member; `reason` is required (at most 500 bytes of
  // UTF-8 without control characters) and kept in the audit log. admit answers
  // {"admission": admission}, reprint {"command": command}, cancel and revoke the attendee detail.
  DeskResult<nlohmann::json> admit(TicketId ticket, std::string_view reason,
                                   std::string_view login);
  DeskResult<nlohmann::json> reprint(TicketId ticket, std::string_view kiosk,
                                     std::string_view reason, std::string_view login);
  DeskResult<nlohmann::json> cancel(TicketId ticket, std::string_view reason,
                                    std::string_view login);
  DeskResult<nlohmann::json> revoke(TicketId ticket, std::string_view reason,
                                    std::string_view login);

  DeskResult<std::string> attendance_csv();
  // `before`: an entry id (the page's `next` is the last entry's id as text).
  DeskResult<nlohmann::json> audit(std::optional<std::int64_t> before, std::size_t limit);
  DeskResult<std::string> metrics();  // Prometheus text format 0.0.4

  // Raises a kiosk_offline alert for every disconnected kiosk silent longer than `threshold`
  // (kOfflineAfter), once per absence (the server calls it every few seconds). Returns how many
  // were new.
  DeskResult<std::size_t> raise_offline_alerts(std::chrono::seconds threshold);
  // Changes whenever anything the dashboard shows changes (admissions, attendees, kiosks'
  // health, alerts, commands, audit): the live feed polls it and tells browsers to reload.
  // A few index lookups; an e-mail correction alone (no sync, no audit) does not move it.
  DeskResult<std::string> fingerprint();

 private:
  // Browsers reload the summary after every change the live feed announces, and the feed itself
  // sends one: the last one is kept with what it was computed from (the fingerprint and the
  // minute, which moves the chart) and handed out again, with `now` updated, until either moves.
  struct SummaryCache {
    std::string fingerprint;
    std::int64_t minute = -1;
    nlohmann::json summary;
  };

  Database& db_;
  const Clock& clock_;
  SummaryCache summary_cache_;
};

}  // namespace einlass
