#include "desk_fixture.h"
#include "storage/alert_repository.h"
#include "storage/audit_repository.h"

using namespace einlass;
using namespace einlass::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const json& kiosk(const json& list, const std::string& id) {
  for (const auto& k : list["items"])
    if (k["id"] == id) return k;
  FAIL("no kiosk " << id);
  return list;
}

}  // namespace

TEST_CASE("kiosks show their health, and what is wrong with them as problems", "[desk][kiosks]") {
  DeskFixture f;
  DeviceHealth fine;
  fine.printer = PrinterHealth::ok;
  fine.print_jobs = {{"done", 40}, {"queued", 1}};
  fine.refusals = {{"already_admitted", 2}};
  f.heartbeat("K1", fine, 0, 120);

  DeviceHealth broken;
  broken.printer = PrinterHealth::paper_out;
  broken.printer_detail = "media-empty";
  broken.scanner = ScannerHealth::missing;
  broken.paused = true;
  f.heartbeat("K2", broken, 0, 612'000);

  DeviceHealth low;
  low.printer = PrinterHealth::ok;
  low.printer_detail = "media-low";
  f.heartbeat("K3", low, 3, -31'000);
  f.disconnect("K3");
  f.clock.advance(75s);
  f.heartbeat("K1", fine, 0, 120);
  f.heartbeat("K2", broken, 0, 612'000);

  const json list = ok(f.desk.kiosks());
  REQUIRE(list["items"].size() == 3);
  CHECK(list["items"][0]["id"] == "K1");
  const json& k1 = kiosk(list, "K1");
  CHECK(k1 == json{{"id", "K1"},
                   {"online", true},
                   {"last_seen", to_unix_ms(f.clock.now())},
                   {"software", "0.4.0"},
                   {"address", "10.0.0.5:40000"},
                   {"unsynced", 0},
                   {"printer", "ready"},
                   {"scanner", "ready"},
                   {"paused", false},
                   {"clock_skew_ms", 120},
                   {"refusals", {{"already_admitted", 2}}},
                   {"print_jobs", {{"done", 40}, {"queued", 1}}},
                   {"problems", json::array()}});

  const json& k2 = kiosk(list, "K2");
  CHECK(k2["printer"] == "paper_out");
  CHECK(k2["scanner"] == "offline");
  CHECK(k2["paused"] == true);
  CHECK(k2["problems"] ==
        json{"printer: paper_out", "scanner: offline", "paused", "clock 612.0 s ahead"});

  const json& k3 = kiosk(list, "K3");
  CHECK(k3["online"] == false);
  CHECK(k3["printer"] == "paper_low");
  CHECK(k3["problems"] == json{"printer: paper_low", "offline for 75 s", "clock 31.0 s behind",
                               "3 events not synced"});
}

TEST_CASE("a kiosk offline for a minute or less, or only slightly off, has no problem",
          "[desk][kiosks]") {
  DeskFixture f;
  DeviceHealth fine;
  fine.printer = PrinterHealth::ok;
  f.heartbeat("K1", fine, 0, 30'000);
  f.disconnect("K1");
  f.clock.advance(60s);
  CHECK(ok(f.desk.kiosks())["items"][0]["problems"].empty());
  f.clock.advance(1s);
  CHECK(ok(f.desk.kiosks())["items"][0]["problems"] == json{"offline for 61 s"});

  // Before its first heartbeat a kiosk's devices are unknown, which is no problem by itself.
  DeskFixture g;
  REQUIRE(KioskRegistry(g.db).connected("K9", "0.4.0", "a", g.clock.now()));
  const json k9 = ok(g.desk.kiosks())["items"][0];
  CHECK(k9["printer"] == "unknown");
  CHECK(k9["scanner"] == "unknown");
  CHECK(k9["clock_skew_ms"].is_null());
  CHECK(k9["problems"].empty());
}

TEST_CASE("alerts are listed newest first and acknowledged once, with an audit entry",
          "[desk][alerts]") {
  DeskFixture f;
  f.admit_the_morning();  // K2#2 duplicates K1#3
  REQUIRE(AlertRepository(f.db).raise(
      {AlertKind::printer, "K1", 5, std::nullopt, "printer paper_out"}, f.clock.now()));
  json open = ok(f.desk.alerts(false));
  REQUIRE(open["items"].size() == 2);
  CHECK(open["items"][0]["kind"] == "printer");
  CHECK(open["items"][0]["ticket"].is_null());
  CHECK(open["items"][0]["ticket_code"].is_null());
  const json duplicate = open["items"][1];
  CHECK(duplicate["kind"] == "duplicate");
  CHECK(duplicate["kiosk"] == "K2");
  CHECK(duplicate["ticket"] == 3);
  CHECK(duplicate["ticket_code"] == "T000003");
  CHECK(duplicate["detail"] == "repeats the admission K1#3 on day 1");
  CHECK(duplicate["acknowledged_at"].is_null());
  CHECK(duplicate["acknowledged_by"] == "");

  f.clock.advance(5s);
  const auto id = duplicate["id"].get<std::int64_t>();
  const json acknowledged = ok(f.desk.acknowledge_alert(id, "anna"));
  CHECK(acknowledged["id"] == id);
  CHECK(acknowledged["acknowledged_at"] == to_unix_ms(f.clock.now()));
  CHECK(acknowledged["acknowledged_by"] == "staff:anna");

  auto again = f.desk.acknowledge_alert(id, "bert");
  REQUIRE_FALSE(again);
  CHECK(again.error().kind == DeskError::Kind::conflict);
  CHECK(again.error().code == "already_acknowledged");
  auto missing = f.desk.acknowledge_alert(4711, "anna");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == DeskError::Kind::not_found);

  open = ok(f.desk.alerts(false));
  CHECK(open["items"].size() == 1);
  const json all = ok(f.desk.alerts(true));
  REQUIRE(all["items"].size() == 2);
  CHECK(all["items"][1]["acknowledged_by"] == "staff:anna");

  const auto audit = *AuditRepository(f.db).all();
  REQUIRE(audit.size() == 1);
  CHECK(audit[0].who == "staff:anna");
  CHECK(audit[0].action == "acknowledge_alert");
  CHECK(audit[0].subject == "alert " + std::to_string(id));
}
