#include <map>

#include "desk_fixture.h"
#include "hub/status_report.h"

using namespace einlass;
using namespace einlass::test;
using nlohmann::json;

namespace {

const json* category_entry(const json& summary, const std::string& label) {
  for (const auto& c : summary["by_category"])
    if (c["category"] == label) return &c;
  return nullptr;
}

// A small deterministic generator (std's distributions differ between libraries).
struct Lcg {
  std::uint64_t state;
  std::uint32_t below(std::uint32_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>((state >> 33) % n);
  }
};

// A random morning on both event days: registered, canceled and unregistered tickets (999),
// entries, exits and the desk's manual entries, scan times on whole minutes so that kiosks often
// share a stamp, sometimes with a logical part. Plus one tie that the kiosk id decides: T5's exit
// on K1 and entry on K2 with one stamp on day 1 (merge order: K1's first, so T5 ends on site).
void push_random_history(DeskFixture& f, std::uint64_t seed) {
  Lcg rng{seed};
  const char* const kiosks[] = {"K1", "K2", "K3", "desk"};
  const TicketId tickets[] = {1, 2, 3, 4, 5, 6, 7, 999};
  std::map<std::string, std::vector<AdmissionEvent>> by_kiosk;
  const auto add = [&](const std::string& kiosk, TicketId ticket, Timestamp at, AdmissionKind kind,
                       std::uint32_t logical) {
    auto& events = by_kiosk[kiosk];
    AdmissionEvent e = f.scan(kiosk, events.size() + 1, ticket, at, kind);
    e.hlc.logical = logical;
    events.push_back(std::move(e));
  };
  add("K1", 5, utc(2026, 3, 28, 7, 59), AdmissionKind::exit, 0);
  add("K2", 5, utc(2026, 3, 28, 7, 59), AdmissionKind::entry, 0);
  for (int i = 0; i < 60; ++i) {
    const std::string kiosk = kiosks[rng.below(4)];
    const TicketId ticket = tickets[rng.below(8)];
    const Timestamp at = utc(2026, 3, 28 + rng.below(2), 8, static_cast<int>(rng.below(20)));
    const AdmissionKind kind = kiosk == "desk"     ? AdmissionKind::manual_entry
                               : rng.below(3) == 0 ? AdmissionKind::exit
                                                   : AdmissionKind::entry;
    add(kiosk, ticket, at, kind, rng.below(4) == 0 ? 1 : 0);
  }
  for (const auto& [kiosk, events] : by_kiosk) f.push(events);
}

}  // namespace

TEST_CASE("the summary counts expected, admitted and on-site holders today, by category",
          "[desk][summary]") {
  DeskFixture f;
  f.admit_the_morning();
  const json s = ok(f.desk.summary());

  CHECK(s["event"]["name"] == "Digitaler Staat 2026");
  CHECK(s["event"]["time_zone"] == "Europe/Berlin");
  CHECK(s["event"]["days"] == json::parse(R"([{"day":1,"date":"2026-03-28"},
                                               {"day":2,"date":"2026-03-29"}])"));
  CHECK(s["now"] == to_unix_ms(f.clock.now()));
  CHECK(s["today"] == json::parse(R"({"day":1,"date":"2026-03-28"})"));
  // Active and valid on day 1: T1, T2, T3, T5, T7 (T4 comes on day 2 only, T6 is canceled).
  CHECK(s["expected"] == 5);
  // Tickets with an entry on day 1: T1, T2, T3, T5, T998, T999 (T4's is on day 2).
  CHECK(s["admitted"] == 6);
  // T2 left again.
  CHECK(s["on_site"] == 5);

  const json* attendee = category_entry(s, "Teilnehmer");
  REQUIRE(attendee);
  CHECK((*attendee)["expected"] == 3);
  CHECK((*attendee)["admitted"] == 3);
  const json* speaker = category_entry(s, "Referent");
  REQUIRE(speaker);
  CHECK((*speaker)["expected"] == 1);
  CHECK((*speaker)["admitted"] == 1);
  const json* exhibitor = category_entry(s, "Aussteller");
  REQUIRE(exhibitor);
  CHECK((*exhibitor)["expected"] == 0);
  CHECK((*exhibitor)["admitted"] == 0);
  const json* press = category_entry(s, "Presse");
  REQUIRE(press);
  CHECK((*press)["expected"] == 1);
  CHECK(s["by_category"].size() == 5);
  CHECK(s["open_alerts"] == 1);  // K2#2 repeats K1#3
}

TEST_CASE("per_minute has the last 60 minutes, oldest first, entries by scan time",
          "[desk][summary]") {
  DeskFixture f;
  f.admit_the_morning();
  const json chart = ok(f.desk.summary())["per_minute"];
  REQUIRE(chart.size() == 60);
  // The minute now is in (09:00) is the last; 08:01 the first.
  CHECK(chart.front()["minute"] == to_unix_ms(utc(2026, 3, 28, 8, 1)));
  CHECK(chart.back()["minute"] == to_unix_ms(utc(2026, 3, 28, 9, 0)));
  std::int64_t total = 0;
  for (std::size_t i = 0; i < chart.size(); ++i) {
    CHECK(chart[i]["minute"] == to_unix_ms(utc(2026, 3, 28, 8, 1)) + std::int64_t(i) * 60'000);
    total += chart[i]["admissions"].get<std::int64_t>();
  }
  CHECK(chart[9]["admissions"] == 1);   // 08:10
  CHECK(chart[19]["admissions"] == 1);  // 08:20
  CHECK(chart[29]["admissions"] == 0);  // 08:30 was an exit
  CHECK(chart[44]["admissions"] == 1);  // 08:45
  CHECK(chart[59]["admissions"] == 1);  // 09:00:10
  CHECK(total == 6);                    // 07:30 is older than the chart

  // Two entries in one minute are counted together.
  f.push({f.scan("K4", 1, 7, utc(2026, 3, 28, 8, 10, 30))});
  CHECK(ok(f.desk.summary())["per_minute"][9]["admissions"] == 2);
}

TEST_CASE("on day 2 the summary counts day 2 only", "[desk][summary]") {
  DeskFixture f;
  f.admit_the_morning();
  f.clock.set(utc(2026, 3, 29, 9));
  const json s = ok(f.desk.summary());
  CHECK(s["today"]["day"] == 2);
  CHECK(s["expected"] == 5);  // T1, T3, T4, T5, T7 (T2 came for day 1 only)
  CHECK(s["admitted"] == 1);
  CHECK(s["on_site"] == 1);
  CHECK((*category_entry(s, "Aussteller"))["admitted"] == 1);
  CHECK((*category_entry(s, "Teilnehmer"))["admitted"] == 0);
}

TEST_CASE("outside the event today is null and nobody is admitted", "[desk][summary]") {
  DeskFixture f;
  f.admit_the_morning();
  f.clock.set(utc(2026, 3, 27, 12));
  const json s = ok(f.desk.summary());
  CHECK(s["today"].is_null());
  CHECK(s["admitted"] == 0);
  CHECK(s["on_site"] == 0);
  CHECK(s["expected"] == 6);  // every active registration
  for (const auto& c : s["by_category"]) CHECK(c["admitted"] == 0);
  // The whole chart is before the first scan.
  for (const auto& m : s["per_minute"]) CHECK(m["admissions"] == 0);
}

TEST_CASE("an exit then a re-entry puts the holder back on site", "[desk][summary]") {
  DeskFixture f(ReentryPolicy::allow_after_exit);
  f.push({f.scan("K1", 1, 1, utc(2026, 3, 28, 8, 0)),
          f.scan("K1", 2, 1, utc(2026, 3, 28, 8, 5), AdmissionKind::exit),
          f.scan("K1", 3, 2, utc(2026, 3, 28, 8, 6), AdmissionKind::exit)});
  json s = ok(f.desk.summary());
  CHECK(s["admitted"] == 1);  // T2 only left (it never came in)
  CHECK(s["on_site"] == 0);
  f.push({f.scan("K2", 1, 1, utc(2026, 3, 28, 8, 30))});
  s = ok(f.desk.summary());
  CHECK(s["admitted"] == 1);
  CHECK(s["on_site"] == 1);
}

TEST_CASE("the summary shows kiosks online, refusals summed and the newest refusals with names",
          "[desk][summary][health]") {
  DeskFixture f;
  DeviceHealth k1;
  k1.printer = PrinterHealth::ok;
  k1.refusals = {{"already_admitted", 2}, {"invalid", 1}};
  k1.recent_refusals = {{3, "already_admitted", to_unix_ms(utc(2026, 3, 28, 8, 46))}};
  DeviceHealth k2;
  k2.printer = PrinterHealth::ok;
  k2.refusals = {{"already_admitted", 3}};
  k2.recent_refusals = {{std::nullopt, "invalid", to_unix_ms(utc(2026, 3, 28, 8, 47))},
                        {4, "wrong_day", to_unix_ms(utc(2026, 3, 28, 8, 1))}};
  f.heartbeat("K1", k1);
  f.heartbeat("K2", k2);
  f.disconnect("K2");
  const json s = ok(f.desk.summary());
  CHECK(s["kiosks"] == json::parse(R"({"online":1,"total":2})"));
  CHECK(s["refusals"] == json::parse(R"({"already_admitted":5,"invalid":1})"));
  const json& recent = s["recent_refusals"];
  REQUIRE(recent.size() == 3);
  CHECK(recent[0] == json{{"kiosk", "K2"},
                          {"ticket", nullptr},
                          {"ticket_code", nullptr},
                          {"name", ""},
                          {"reason", "invalid"},
                          {"time", to_unix_ms(utc(2026, 3, 28, 8, 47))}});
  CHECK(recent[1]["kiosk"] == "K1");
  CHECK(recent[1]["ticket"] == 3);
  CHECK(recent[1]["ticket_code"] == "T000003");
  CHECK(recent[1]["name"] == "Grace Hopper");
  CHECK(recent[2]["reason"] == "wrong_day");
  CHECK(recent[2]["name"] == "Alan Turing");
}

TEST_CASE("a summary asked for again with nothing changed is the same, with the time moved on",
          "[desk][summary]") {
  DeskFixture f;
  f.admit_the_morning();
  json first = ok(f.desk.summary());
  f.clock.advance(std::chrono::seconds(20));  // 09:00:50, the same minute
  json again = ok(f.desk.summary());
  CHECK(again["now"] == to_unix_ms(f.clock.now()));
  first["now"] = again["now"];
  CHECK(again == first);
  // A new minute moves the chart.
  f.clock.advance(std::chrono::seconds(20));
  const json later = ok(f.desk.summary());
  CHECK(later["per_minute"].back()["minute"] == to_unix_ms(utc(2026, 3, 28, 9, 1)));
  CHECK(later["per_minute"][58]["admissions"] == 1);  // 09:00:10
}

TEST_CASE("within a minute the summary still follows kiosks, alerts and admissions",
          "[desk][summary]") {
  DeskFixture f;
  f.admit_the_morning();
  DeviceHealth fine;
  fine.printer = PrinterHealth::ok;
  f.heartbeat("K1", fine);
  json s = ok(f.desk.summary());
  CHECK(s["kiosks"] == json::parse(R"({"online":1,"total":1})"));
  CHECK(s["open_alerts"] == 1);
  CHECK(s["admitted"] == 6);

  f.clock.advance(std::chrono::seconds(5));  // 09:00:35: the minute of the first
  f.disconnect("K1");
  s = ok(f.desk.summary());
  CHECK(s["kiosks"] == json::parse(R"({"online":0,"total":1})"));

  f.clock.advance(std::chrono::seconds(5));
  const auto alert = ok(f.desk.alerts(false))["items"][0]["id"].get<std::int64_t>();
  ok(f.desk.acknowledge_alert(alert, "anna"));
  s = ok(f.desk.summary());
  CHECK(s["open_alerts"] == 0);

  f.clock.advance(std::chrono::seconds(5));
  f.push({f.scan("K4", 1, 7, f.clock.now())});
  s = ok(f.desk.summary());
  CHECK(s["admitted"] == 7);
  CHECK(s["on_site"] == 6);
  CHECK(s["per_minute"].back()["admissions"] == 2);  // 09:00:10 and 09:00:45
}

TEST_CASE("the summary's day counts are the hub's merge of the same history", "[desk][summary]") {
  // The desk counts with SQL over the log; einlass-admin status merges the events in C++. Both
  // must agree on every history: re-entry policies, exits, ties between kiosks, logical stamps,
  // tickets the server holds no registration for.
  std::int64_t left = 0;  // admitted holders not on site, over all histories: exits were counted
  for (const auto policy : {ReentryPolicy::deny, ReentryPolicy::allow_after_exit}) {
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
      INFO("policy " << (policy == ReentryPolicy::deny ? "deny" : "allow_after_exit") << ", seed "
                     << seed);
      DeskFixture f(policy);
      push_random_history(f, seed);
      for (int day = 1; day <= 2; ++day) {
        INFO("day " << day);
        f.clock.set(utc(2026, 3, 27 + static_cast<unsigned>(day), 20));
        const json s = ok(f.desk.summary());
        REQUIRE(s["today"]["day"] == day);
        auto status = load_status(f.db, f.clock);
        REQUIRE(status);
        const DayStatus& hub = status->days[static_cast<std::size_t>(day - 1)];
        CHECK(s["admitted"] == hub.admitted_tickets);
        CHECK(s["on_site"] == hub.on_site);
        CHECK(hub.admitted_tickets > 0);
        left += s["admitted"].get<std::int64_t>() - s["on_site"].get<std::int64_t>();
      }
    }
  }
  CHECK(left > 0);
}
