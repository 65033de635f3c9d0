#include "desk_fixture.h"
#include "storage/alert_repository.h"

using namespace einlass;
using namespace einlass::test;
using namespace std::chrono_literals;
using nlohmann::json;

TEST_CASE("a kiosk offline longer than the threshold raises one alert per absence",
          "[desk][offline]") {
  DeskFixture f;
  DeviceHealth fine;
  fine.printer = PrinterHealth::ok;
  f.clock.set(utc(2026, 3, 28, 9, 41, 52));
  f.heartbeat("K1", fine);
  f.heartbeat("K2", fine);
  f.disconnect("K2");  // last heard at 10:41:52 Berlin time
  f.clock.advance(60s);
  CHECK(ok(f.desk.raise_offline_alerts(60s)) == 0);
  f.clock.advance(15s);
  CHECK(ok(f.desk.raise_offline_alerts(60s)) == 1);
  CHECK(ok(f.desk.raise_offline_alerts(60s)) == 0);
  f.clock.advance(5min);
  CHECK(ok(f.desk.raise_offline_alerts(60s)) == 0);

  auto alerts = *AlertRepository(f.db).all();
  REQUIRE(alerts.size() == 1);
  CHECK(alerts[0].what.kind == AlertKind::kiosk_offline);
  CHECK(alerts[0].what.kiosk_id == "K2");
  CHECK(alerts[0].what.detail == "offline since 10:41:52 (75 s)");
  CHECK_FALSE(alerts[0].what.ticket_id);

  // Back, and gone again: a new absence.
  f.heartbeat("K2", fine);
  f.disconnect("K2");
  f.clock.advance(2min);
  CHECK(ok(f.desk.raise_offline_alerts(60s)) == 1);
  // K1 stayed connected all along, however long it has been silent.
  alerts = *AlertRepository(f.db).all();
  CHECK(alerts.size() == 2);
  for (const auto& a : alerts) CHECK(a.what.kiosk_id == "K2");
  const json list = ok(f.desk.alerts(false));
  CHECK(list["items"][0]["kind"] == "kiosk_offline");
  CHECK(list["items"][0]["ticket"].is_null());
}

TEST_CASE("the fingerprint moves with admissions, heartbeats, alerts and actions only",
          "[desk][fingerprint]") {
  DeskFixture f;
  DeviceHealth fine;
  fine.printer = PrinterHealth::ok;
  f.heartbeat("K1", fine);
  const std::string start = ok(f.desk.fingerprint());
  CHECK_FALSE(start.empty());
  // Reading changes nothing.
  ok(f.desk.summary());
  ok(f.desk.kiosks());
  ok(f.desk.search("muller", 20));
  f.clock.advance(10s);
  CHECK(ok(f.desk.fingerprint()) == start);

  f.push({f.scan("K1", 1, 1, f.clock.now())});
  const std::string admitted = ok(f.desk.fingerprint());
  CHECK(admitted != start);
  CHECK(ok(f.desk.fingerprint()) == admitted);

  f.clock.advance(5s);
  f.heartbeat("K1", fine, 1);
  const std::string beat = ok(f.desk.fingerprint());
  CHECK(beat != admitted);
  // A heartbeat that reports nothing new (only last_seen and a few ms of clock skew move) is no
  // change: browsers would otherwise reload with every kiosk's every heartbeat.
  f.clock.advance(5s);
  f.heartbeat("K1", fine, 1, 40);
  CHECK(ok(f.desk.fingerprint()) == beat);
  f.heartbeat("K1", fine, 1, 40'000);
  CHECK(ok(f.desk.fingerprint()) != beat);
  f.heartbeat("K1", fine, 1, 0);

  REQUIRE(
      AlertRepository(f.db).raise({AlertKind::printer, "K1", 1, std::nullopt, "x"}, f.clock.now()));
  const std::string alerted = ok(f.desk.fingerprint());
  CHECK(alerted != beat);

  const auto id = ok(f.desk.alerts(false))["items"][0]["id"].get<std::int64_t>();
  ok(f.desk.acknowledge_alert(id, "anna"));
  const std::string acknowledged = ok(f.desk.fingerprint());
  CHECK(acknowledged != alerted);

  ok(f.desk.admit(3, "lost ticket", "anna"));
  const std::string manual = ok(f.desk.fingerprint());
  CHECK(manual != acknowledged);

  f.disconnect("K1");
  CHECK(ok(f.desk.fingerprint()) != manual);
}

TEST_CASE("storage failures come back as storage errors, never as exceptions", "[desk]") {
  DeskFixture f;
  f.db.connection().exec("DROP TABLE kiosk_commands");
  auto detail = f.desk.attendee(1);
  REQUIRE_FALSE(detail);
  CHECK(detail.error().kind == DeskError::Kind::storage);
  CHECK(detail.error().code == "storage");
  CHECK(f.desk.summary());  // what does not need the table still works
}
