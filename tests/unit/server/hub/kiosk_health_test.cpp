#include <SQLiteCpp/Database.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "hub/health_json.h"
#include "hub_fixture.h"
#include "storage/alert_repository.h"
#include "storage/kiosk_registry.h"

using namespace einlass;
using namespace std::chrono_literals;
using test::HubFixture;

namespace {

Heartbeat beat(const HubFixture& f, std::int64_t skew_ms,
               PrinterHealth printer = PrinterHealth::ok) {
  Heartbeat h;
  h.health.printer = printer;
  h.health.printer_detail = printer == PrinterHealth::paper_out ? "media-empty" : "";
  h.unsynced = 4;
  h.kiosk_time_ms = to_unix_ms(f.clock.now()) + skew_ms;
  h.last_command = 2;
  return h;
}

std::vector<Alert> alerts_of(HubFixture& f, AlertKind kind) {
  std::vector<Alert> out;
  auto all = AlertRepository(f.db).all();
  REQUIRE(all);
  for (auto& a : *all)
    if (a.what.kind == kind) out.push_back(a);
  return out;
}

}  // namespace

TEST_CASE("connections are recorded, and a server start marks every kiosk disconnected",
          "[hub][health]") {
  HubFixture f;
  REQUIRE(f.hub.kiosk_connected(Hello{"K1", "0.2.0", "2026.5"}, "127.0.0.1:40000"));
  auto row = *KioskRegistry(f.db).find("K1");
  REQUIRE(row);
  CHECK(row->connected);
  CHECK(row->software == "0.2.0");
  CHECK(row->address == "127.0.0.1:40000");
  f.clock.advance(1min);
  REQUIRE(f.hub.kiosk_disconnected("K1"));
  row = *KioskRegistry(f.db).find("K1");
  CHECK_FALSE(row->connected);
  CHECK(row->last_seen == f.clock.now());
  REQUIRE(f.hub.kiosk_connected(Hello{"K1", "0.2.0", ""}, "a"));
  REQUIRE(f.hub.reset_connections());
  CHECK_FALSE((*KioskRegistry(f.db).find("K1"))->connected);
  CHECK_FALSE(f.hub.kiosk_connected(Hello{"K 1", "0.2.0", ""}, "a"));
  // The desk's manual admissions are recorded as "desk": no kiosk may speak for it.
  const auto desk = f.hub.kiosk_connected(Hello{"desk", "0.2.0", ""}, "a");
  REQUIRE_FALSE(desk);
  CHECK(desk.error().kind == HubError::Kind::protocol);
  CHECK_FALSE(KioskRegistry(f.db).find("desk")->has_value());
}

TEST_CASE("a heartbeat records health, unsynced, last command and clock skew", "[hub][health]") {
  HubFixture f;
  REQUIRE(f.hub.heartbeat("K1", beat(f, -1200)));
  auto row = *KioskRegistry(f.db).find("K1");
  REQUIRE(row);
  CHECK(row->clock_skew_ms == -1200);
  CHECK(row->unsynced == 4);
  CHECK(row->last_command == 2);
  auto health = health_from_json(row->health_json);
  REQUIRE(health);
  CHECK(*health == beat(f, 0).health);
  CHECK(AlertRepository(f.db).all()->empty());
}

TEST_CASE("scenario 23: a kiosk whose clock is off by more than 30 s raises one clock_skew alert",
          "[hub][health]") {
  HubFixture f;
  REQUIRE(f.hub.heartbeat("K1", beat(f, 30'000))->empty());  // at the limit: fine
  auto lines = f.hub.heartbeat("K1", beat(f, 45'200));
  REQUIRE(lines);
  REQUIRE(lines->size() == 1);
  CHECK((*lines)[0] == "clock_skew K1: kiosk clock 45.2 s ahead of the server (45200 ms)");
  CHECK(f.hub.heartbeat("K1", beat(f, 50'000))->empty());  // one per kiosk
  REQUIRE(f.hub.heartbeat("K2", beat(f, -31'000))->size() == 1);
  auto skew = alerts_of(f, AlertKind::clock_skew);
  REQUIRE(skew.size() == 2);
  CHECK(skew[1].what.detail == "kiosk clock 31.0 s behind the server (-31000 ms)");
  CHECK((*KioskRegistry(f.db).find("K1"))->clock_skew_ms == 50'000);
}

TEST_CASE("a printer fault raises one alert per fault episode", "[hub][health]") {
  HubFixture f;
  REQUIRE(f.hub.heartbeat("K1", beat(f, 0, PrinterHealth::unknown)));
  auto lines = f.hub.heartbeat("K1", beat(f, 0, PrinterHealth::paper_out));
  REQUIRE(lines->size() == 1);
  CHECK((*lines)[0] == "printer K1: printer paper_out: media-empty");
  f.clock.advance(5s);
  CHECK(f.hub.heartbeat("K1", beat(f, 0, PrinterHealth::paper_out))->empty());
  CHECK(f.hub.heartbeat("K1", beat(f, 0, PrinterHealth::offline))->empty());  // same episode
  REQUIRE(f.hub.heartbeat("K1", beat(f, 0, PrinterHealth::ok))->empty());
  f.clock.advance(5s);
  CHECK(f.hub.heartbeat("K1", beat(f, 0, PrinterHealth::error))->size() == 1);
  CHECK(alerts_of(f, AlertKind::printer).size() == 2);
}

TEST_CASE("revoked kiosk certificates reach the hub by serial", "[hub][health]") {
  HubFixture f;
  f.db.connection().exec(
      "INSERT INTO kiosk_certificates (serial, kiosk_id, issued_at, not_after, revoked_at) "
      "VALUES ('0A', 'K1', 1, 2, 3), ('0B', 'K2', 1, 2, NULL)");
  const auto serials = f.hub.revoked_certificate_serials();
  REQUIRE(serials);
  CHECK(*serials == std::vector<std::string>{"0A"});
}

TEST_CASE("device health survives its JSON form, and foreign text is refused", "[hub][health]") {
  DeviceHealth h;
  h.printer = PrinterHealth::offline;
  h.printer_detail = "connection refused";
  h.scanner = ScannerHealth::missing;
  h.paused = true;
  CHECK(health_from_json(health_to_json(h)) == h);
  CHECK_FALSE(health_from_json("{}"));
  CHECK_FALSE(health_from_json("not json"));
  CHECK_FALSE(health_from_json(R"({"printer":"on fire","scanner":"ok","paused":false})"));
}

TEST_CASE("a heartbeat's refusals, print jobs and recent refusals are kept with the kiosk",
          "[hub][health]") {
  HubFixture f;
  Heartbeat h = beat(f, 0);
  h.health.refusals = {{"already_admitted", 2}, {"invalid", 1}};
  h.health.print_jobs = {{"done", 40}, {"queued", 1}};
  h.health.recent_refusals = {{42, "already_admitted", 1'774'680'002'000},
                              {std::nullopt, "invalid", 1'774'680'001'000},
                              {4'294'967'295u, "already_admitted", -5}};
  REQUIRE(f.hub.heartbeat("K1", h));
  const auto row = *KioskRegistry(f.db).find("K1");
  REQUIRE(row);
  // The stored form, as the status report and the desk read it.
  const auto stored = nlohmann::json::parse(row->health_json);
  CHECK(stored["refusals"] == nlohmann::json::parse(R"({"already_admitted":2,"invalid":1})"));
  CHECK(stored["print_jobs"] == nlohmann::json::parse(R"({"done":40,"queued":1})"));
  CHECK(stored["recent_refusals"] ==
        nlohmann::json::parse(
            R"([{"ticket":42,"reason":"already_admitted","at":1774680002000},
            {"ticket":null,"reason":"invalid","at":1774680001000},
            {"ticket":4294967295,"reason":"already_admitted","at":-5}])"));
  const auto health = health_from_json(row->health_json);
  REQUIRE(health);
  CHECK(*health == h.health);

  // The next heartbeat replaces them: counts since the kiosk daemon started, not added up.
  h.health.refusals = {{"invalid", 1}};
  h.health.print_jobs.clear();
  h.health.recent_refusals.resize(1);
  REQUIRE(f.hub.heartbeat("K1", h));
  const auto again = health_from_json((*KioskRegistry(f.db).find("K1"))->health_json);
  REQUIRE(again);
  CHECK(again->refusals == std::map<std::string, std::uint64_t>{{"invalid", 1}});
  CHECK(again->print_jobs.empty());
  CHECK(again->recent_refusals == h.health.recent_refusals);
}

TEST_CASE("health stored before kiosks reported activity reads as none; broken activity fails",
          "[hub][health]") {
  const auto old =
      health_from_json(R"({"printer":"paper_out","printer_detail":"media-empty","scanner":"ok",)"
                       R"("scanner_detail":"","paused":false})");
  REQUIRE(old);
  CHECK(old->printer == PrinterHealth::paper_out);
  CHECK(old->refusals.empty());
  CHECK(old->print_jobs.empty());
  CHECK(old->recent_refusals.empty());

  const std::string head = R"({"printer":"ok","scanner":"ok","paused":false,)";
  CHECK(health_from_json(head + R"("refusals":{"invalid":3}})")->refusals.at("invalid") == 3);
  CHECK_FALSE(health_from_json(head + R"("refusals":[]})"));
  CHECK_FALSE(health_from_json(head + R"("refusals":{"invalid":-1}})"));
  CHECK_FALSE(health_from_json(head + R"("print_jobs":{"done":"4"}})"));
  CHECK_FALSE(health_from_json(head + R"("recent_refusals":{}})"));
  CHECK_FALSE(health_from_json(head + R"("recent_refusals":[{"reason":"invalid","at":1}]})"));
  CHECK_FALSE(
      health_from_json(head + R"("recent_refusals":[{"ticket":"T1","reason":"invalid","at":1}]})"));
  CHECK_FALSE(health_from_json(
      head + R"("recent_refusals":[{"ticket":4294967296,"reason":"invalid","at":1}]})"));
  CHECK_FALSE(health_from_json(head + R"("recent_refusals":[{"ticket":null,"reason":7,"at":1}]})"));
}
