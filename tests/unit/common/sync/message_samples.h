#pragma once
// Typical and extreme values of the sync messages, for the codec tests.
#include <string>
#include <string_view>

#include "sync/messages.h"

namespace einlass::test {

// Exactly what a kiosk sent before heartbeats reported refusals and print jobs.
inline constexpr std::string_view kOlderKioskHeartbeat =
    R"({"printer":"ok","printer_detail":"","scanner":"ok","scanner_detail":"","paused":false,)"
    R"("unsynced":3,"time":1774680000000,"hw":1774680000000,"hl":1,"last_command":2})";

inline AdmissionEvent sample_admission(std::uint64_t seq) {
  AdmissionEvent e;
  e.key = {"entrance-north", seq};
  e.ticket_id = 4200 + static_cast<TicketId>(seq);
  e.kind = AdmissionKind::entry;
  e.scan_time = from_unix_ms(1'774'680'000'000 + static_cast<std::int64_t>(seq) * 1000);
  e.hlc = {1'774'680'000'000 + static_cast<std::int64_t>(seq) * 1000, 2};
  e.event_day = 2;
  return e;
}

inline AdmissionEvent sample_manual_entry() {
  AdmissionEvent e = sample_admission(9);
  e.kind = AdmissionKind::manual_entry;
  e.staff = "J\xC3\xBCrgen M\xC3\xBCller";  // Jürgen Müller
  e.reason =
      "Ausweis gepr\xC3\xBC"
      "ft, Ticket \"verloren\" \\ neu";  // quotes, backslash
  return e;
}

inline ReplicaConfig sample_config() {
  ReplicaConfig config;
  config.event.id = 2026;
  config.event.name =
      "Fachtagung \xC3\x96"
      "ffentliche Verwaltung";
  config.event.time_zone = "Europe/Berlin";
  config.event.first_day = std::chrono::year_month_day{std::chrono::year{2026} / 3 / 28};
  config.event.day_count = 3;
  config.event.reentry = ReentryPolicy::deny;
  Ed25519PublicKey key{};
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<std::uint8_t>(i * 7 + 1);
  config.keys = {{1, key}, {255, Ed25519PublicKey{}}};
  config.revoked_staff_cards = {{7, from_unix_ms(1'774'000'000'000)}};
  return config;
}

inline Changes sample_changes() {
  Changes c;
  c.cursor = "v1:2026:18342";
  c.more = true;
  c.server_time_ms = 1'774'680'123'456;
  c.config = sample_config();
  c.attendees = {{42, "Dr. Erika M\xC3\xBCstermann",
                  "Beh\xC3\xB6rde f\xC3\xBCr \"Tests\" \\ Pr\xC3\xBC"
                  "fung",
                  2, 0b101, AttendeeStatus::active},
                 {4294967295u, "", "", 0, 0xFFFF'FFFFu, AttendeeStatus::blocked},
                 {7, "Max", "", 255, 1, AttendeeStatus::canceled}};
  c.removed_attendees = {1, 99, 4294967295u};
  c.revocations = {{42, from_unix_ms(1'774'600'000'000), "Doppelt ausgestellt"},
                   {43, from_unix_ms(0), ""}};
  c.withdrawn_revocations = {17};
  c.admissions = {sample_admission(1), sample_manual_entry()};
  return c;
}

}  // namespace einlass::test
