#include "hub/status_report.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "hub_fixture.h"

using namespace einlass;
using namespace std::chrono_literals;
using test::entry;
using test::HubFixture;

namespace {

// Two kiosks: K1 connected and fine, K2 gone with a printer out of paper and a clock 45 s ahead;
// ticket 1 admitted twice (a duplicate), ticket 2 in and out, ticket 3 canceled.
HubFixture& with_activity(HubFixture& f) {
  REQUIRE(AttendeeRepository(f.db, f.clock).set_status(3, AttendeeStatus::canceled));
  REQUIRE(f.hub.kiosk_connected(Hello{"K1", "0.2.0", ""}, "127.0.0.1:1"));
  REQUIRE(f.hub.kiosk_connected(Hello{"K2", "0.1.9", ""}, "127.0.0.1:2"));
  REQUIRE(f.hub.push("K1", Push{{entry("K1", 1, 1, 0), entry("K1", 2, 2, 1),
                                 entry("K1", 3, 2, 40, AdmissionKind::exit)}}));
  REQUIRE(f.hub.push("K2", Push{{entry("K2", 1, 1, 5)}}));
  Heartbeat h;
  h.health.printer = PrinterHealth::ok;
  h.kiosk_time_ms = to_unix_ms(f.clock.now());
  REQUIRE(f.hub.heartbeat("K1", h));
  h.health.printer = PrinterHealth::paper_out;
  h.kiosk_time_ms += 45'000;
  h.unsynced = 3;
  REQUIRE(f.hub.heartbeat("K2", h));
  f.clock.advance(1min);
  REQUIRE(f.hub.kiosk_disconnected("K2"));
  return f;
}

}  // namespace

TEST_CASE("status counts attendees, admissions per day, kiosks and open alerts", "[hub][status]") {
  HubFixture f;
  with_activity(f);
  auto report = load_status(f.db, f.clock);
  REQUIRE(report);
  CHECK(report->attendees.active == 2);
  CHECK(report->attendees.canceled == 1);
  REQUIRE(report->days.size() == 2);
  CHECK(report->days[0].admitted_tickets == 2);
  CHECK(report->days[0].entries == 3);
  CHECK(report->days[0].exits == 1);
  CHECK(report->days[0].on_site == 1);
  CHECK(report->days[1].entries == 0);
  REQUIRE(report->kiosks.size() == 2);
  CHECK(report->kiosks[0].row.connected);
  CHECK_FALSE(report->kiosks[1].row.connected);
  REQUIRE(report->kiosks[1].health);
  CHECK(report->kiosks[1].health->printer == PrinterHealth::paper_out);
  CHECK(report->open_alerts.size() == 3);  // duplicate, clock skew, printer
}

TEST_CASE("status as text: local times, problems marked", "[hub][status]") {
  HubFixture f;
  with_activity(f);
  const std::string text = status_text(*load_status(f.db, f.clock));
  INFO(text);
  // 08:01 UTC on 2026-03-28 is 09:01 in Berlin.
  CHECK(text.find("Digitaler Staat 2026 — status at 2026-03-28 09:01 (Europe/Berlin)") == 0);
  CHECK(text.find("Attendees: 3 (2 active, 1 canceled, 0 blocked)") != std::string::npos);
  CHECK(text.find("day 1 (2026-03-28): 2 admitted, 3 entries, 1 exits, 1 on site") !=
        std::string::npos);
  CHECK(text.find("   K1: connected, last seen 2026-03-28 09:00") != std::string::npos);
  CHECK(text.find(" ! K2: offline, last seen 2026-03-28 09:01") != std::string::npos);
  CHECK(
      text.find("— not connected, printer paper_out, clock off by 45 s, 3 admissions not synced") !=
      std::string::npos);
  CHECK(text.find("Open alerts: 3") != std::string::npos);
  CHECK(text.find("duplicate at 2026-03-28 09:00, kiosk K2, T000001: repeats the admission K1#1") !=
        std::string::npos);
  CHECK(text.find("Ada") == std::string::npos);  // no names in a status
}

TEST_CASE("status as JSON for scripts", "[hub][status]") {
  HubFixture f;
  with_activity(f);
  const auto j = nlohmann::json::parse(status_json(*load_status(f.db, f.clock)));
  CHECK(j["event"]["name"] == "Digitaler Staat 2026");
  CHECK(j["attendees"]["active"] == 2);
  CHECK(j["days"][0]["on_site"] == 1);
  CHECK(j["days"][0]["date"] == "2026-03-28");
  REQUIRE(j["kiosks"].size() == 2);
  CHECK(j["kiosks"][0]["kiosk_id"] == "K1");
  CHECK(j["kiosks"][0]["problems"].empty());
  CHECK(j["kiosks"][1]["connected"] == false);
  CHECK(j["kiosks"][1]["printer"] == "paper_out");
  CHECK(j["kiosks"][1]["clock_skew_ms"] == 45'000);
  CHECK(j["kiosks"][1]["unsynced"] == 3);
  REQUIRE(j["open_alerts"].size() == 3);
  CHECK(j["open_alerts"][0]["kind"] == "duplicate");
  CHECK(j["open_alerts"][0]["ticket"] == "T000001");
  CHECK(j["open_alerts"][0]["kiosk_id"] == "K2");
}

TEST_CASE("status works from a second connection while the hub holds its own", "[hub][status]") {
  HubFixture f;
  with_activity(f);
  auto other = f.open();
  auto report = load_status(other, f.clock);
  REQUIRE(report);
  CHECK(report->kiosks.size() == 2);
}
