// The two renderings of a StatusReport (status_report.h).
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "base/date_text.h"
#include "event/event_calendar.h"
#include "hub/health_json.h"
#include "hub/status_report.h"

namespace einlass {

namespace {

// Local date and time in the event's zone; UTC when the zone is unknown to this machine.
std::string local_text(const std::optional<EventCalendar>& calendar, Timestamp t) {
  if (!calendar) return format_utc(t);
  return format_iso_date(calendar->local_date(t)) + " " + calendar->local_time_text(t);
}

std::vector<std::string> kiosk_problems(const KioskStatus& kiosk) {
  std::vector<std::string> problems;
  if (!kiosk.row.connected) problems.push_back("not connected");
  if (kiosk.health) {
    if (kiosk.health->printer != PrinterHealth::ok)
      problems.push_back("printer " + std::string(printer_word(kiosk.health->printer)));
    if (kiosk.health->scanner != ScannerHealth::ok)
      problems.push_back("scanner " + std::string(scanner_word(kiosk.health->scanner)));
    if (kiosk.health->paused) problems.push_back("paused");
  }
  if (kiosk.row.clock_skew_ms && std::llabs(*kiosk.row.clock_skew_ms) > 30'000)
    problems.push_back("clock off by " + std::to_string(*kiosk.row.clock_skew_ms / 1000) + " s");
  if (kiosk.row.unsynced > 0 && !kiosk.row.connected)
    problems.push_back(std::to_string(kiosk.row.unsynced) + " admissions not synced");
  return problems;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

std::string status_text(const StatusReport& report) {
  const auto calendar = EventCalendar::create(report.event);
  std::optional<EventCalendar> cal;
  if (calendar) cal = *calendar;
  std::string out = report.event.name + " — status at " + local_text(cal, report.generated_at) +
                    " (" + report.event.time_zone + ")\n\n";
  const auto& a = report.attendees;
  out += "Attendees: " + std::to_string(a.active + a.canceled + a.blocked) + " (" +
         std::to_string(a.active) + " active, " + std::to_string(a.canceled) + " canceled, " +
         std::to_string(a.blocked) + " blocked)\n\n";
  out += "Days:\n";
  for (const auto& d : report.days) {
    out += "  day " + std::to_string(d.day) + " (" + format_iso_date(d.date) +
           "): " + std::to_string(d.admitted_tickets) + " admitted, " + std::to_string(d.entries) +
           " entries, " + std::to_string(d.exits) + " exits, " + std::to_string(d.on_site) +
           " on site\n";
  }
  out += "\nKiosks:" + std::string(report.kiosks.empty() ? " none seen yet\n" : "\n");
  for (const auto& k : report.kiosks) {
    const auto problems = kiosk_problems(k);
    out += std::string(problems.empty() ? "   " : " ! ") + k.row.kiosk_id + ": " +
           (k.row.connected ? "connected" : "offline") + ", last seen " +
           local_text(cal, k.row.last_seen) + ", software " +
           (k.row.software.empty() ? "?" : k.row.software) + ", " + std::to_string(k.row.unsynced) +
           " unsynced";
    if (k.health)
      out += ", printer " + std::string(printer_word(k.health->printer)) + ", scanner " +
             std::string(scanner_word(k.health->scanner));
    if (k.row.clock_skew_ms) out += ", clock skew " + std::to_string(*k.row.clock_skew_ms) + " ms";
    if (!problems.empty()) out += " — " + join(problems);
    out += "\n";
  }
  out += "\nOpen alerts: " + std::to_string(report.open_alerts.size()) + "\n";
  for (const auto& alert : report.open_alerts) {
    out += " ! #" + std::to_string(alert.id) + " " + std::string(to_string(alert.what.kind)) +
           " at " + local_text(cal, alert.raised_at);
    if (!alert.what.kiosk_id.empty()) out += ", kiosk " + alert.what.kiosk_id;
    if (alert.what.ticket_id) out += ", " + format_ticket_id(*alert.what.ticket_id);
    out += ": " + alert.what.detail + "\n";
  }
  return out;
}

std::string status_json(const StatusReport& report) {
  using nlohmann::json;
  json j;
  j["event"] = {
      {"id", report.event.id}, {"name", report.event.name}, {"time_zone", report.event.time_zone}};
  j["generated_at_ms"] = to_unix_ms(report.generated_at);
  j["attendees"] = {{"active", report.attendees.active},
                    {"canceled", report.attendees.canceled},
                    {"blocked", report.attendees.blocked}};
  j["days"] = json::array();
  for (const auto& d : report.days)
    j["days"].push_back({{"day", d.day},
                         {"date", format_iso_date(d.date)},
                         {"admitted_tickets", d.admitted_tickets},
                         {"entries", d.entries},
                         {"exits", d.exits},
                         {"on_site", d.on_site}});
  j["kiosks"] = json::array();
  for (const auto& k : report.kiosks) {
    json kiosk{{"kiosk_id", k.row.kiosk_id},
               {"connected", k.row.connected},
               {"address", k.row.address},
               {"software", k.row.software},
               {"first_seen_ms", to_unix_ms(k.row.first_seen)},
               {"last_seen", format_utc(k.row.last_seen)},
               {"last_seen_ms", to_unix_ms(k.row.last_seen)},
               {"unsynced", k.row.unsynced},
               {"last_command", k.row.last_command},
               {"clock_skew_ms", nullptr},
               {"printer", nullptr},
               {"printer_detail", nullptr},
               {"scanner", nullptr},
               {"paused", nullptr},
               {"problems", kiosk_problems(k)}};
    if (k.row.clock_skew_ms) kiosk["clock_skew_ms"] = *k.row.clock_skew_ms;
    if (k.health) {
      kiosk["printer"] = printer_word(k.health->printer);
      kiosk["printer_detail"] = k.health->printer_detail;
      kiosk["scanner"] = scanner_word(k.health->scanner);
      kiosk["paused"] = k.health->paused;
    }
    j["kiosks"].push_back(std::move(kiosk));
  }
  j["open_alerts"] = json::array();
  for (const auto& alert : report.open_alerts) {
    json a{{"id", alert.id},
           {"kind", to_string(alert.what.kind)},
           {"kiosk_id", alert.what.kiosk_id},
           {"seq", alert.what.seq},
           {"ticket", nullptr},
           {"detail", alert.what.detail},
           {"raised_at", format_utc(alert.raised_at)},
           {"raised_at_ms", to_unix_ms(alert.raised_at)}};
    if (alert.what.ticket_id) a["ticket"] = format_ticket_id(*alert.what.ticket_id);
    j["open_alerts"].push_back(std::move(a));
  }
  return j.dump(2);
}

}  // namespace einlass
