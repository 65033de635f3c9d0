#include <regex>
#include <set>
#include <sstream>

#include "desk/csv_cell.h"
#include "desk/prometheus_text.h"
#include "desk_fixture.h"
#include "storage/alert_repository.h"

using namespace einlass;
using namespace einlass::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

std::vector<std::string> lines_of(const std::string& text, const std::string& separator) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    const auto end = text.find(separator, at);
    REQUIRE(end != std::string::npos);  // every line ends with the separator
    out.push_back(text.substr(at, end - at));
    at = end + separator.size();
  }
  return out;
}

// The sample lines of the text, checked against the exposition format line by line: every
// family has HELP and TYPE before its samples, every sample names a family that has.
std::map<std::string, double> parse_metrics(const std::string& text) {
  static const std::regex help(R"(# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+)");
  static const std::regex type(R"(# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge))");
  static const std::regex sample(
      R"(([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\["\\n])*"\})? (-?[0-9]+(?:\.[0-9]+)?(?:e[-+]?[0-9]+)?|NaN))");
  std::set<std::string> helped, typed;
  std::map<std::string, double> samples;
  for (const auto& line : lines_of(text, "\n")) {
    std::smatch m;
    INFO(line);
    if (std::regex_match(line, m, help)) {
      CHECK(helped.insert(m[1]).second);
    } else if (std::regex_match(line, m, type)) {
      CHECK(helped.contains(m[1]));
      CHECK(typed.insert(m[1]).second);
    } else {
      REQUIRE(std::regex_match(line, m, sample));
      CHECK(typed.contains(m[1]));
      CHECK(samples.emplace(std::string(m[1]) + std::string(m[2]), std::stod(m[3])).second);
    }
  }
  return samples;
}

}  // namespace

TEST_CASE("the attendance export has one row per ticket and day, quoted and guarded",
          "[desk][csv]") {
  DeskFixture f;
  f.admit_the_morning();
  ok(f.desk.admit(7, "lost ticket", "anna"));
  const auto lines = lines_of(ok(f.desk.attendance_csv()), "\r\n");
  REQUIRE(lines.size() == 1 + 8);
  CHECK(lines[0] == "ticket,name,organisation,category,status,day,first_entry,kiosk");
  CHECK(lines[1] ==
        "T000001,Jürgen Müller,Stadtwerke,Teilnehmer,active,1,2026-03-28T09:10:00+01:00,K1");
  // Anna left, but came in.
  CHECK(lines[2] ==
        "T000002,Anna Schmidt,Straßenbauamt Nord,Referent,active,1,2026-03-28T09:20:00+01:00,K1");
  // The first of Grace Hopper's two entries.
  CHECK(lines[3] ==
        "T000003,Grace Hopper,US Navy,Teilnehmer,active,1,2026-03-28T09:40:00+01:00,K1");
  // A formula is defused; on day 2 Berlin is on summer time.
  CHECK(lines[4] ==
        "T000004,Alan Turing,'=cmd|' /C calc'!A0,Aussteller,active,2,2026-03-29T10:00:00+02:00,K3");
  CHECK(lines[5] ==
        "T000005,\"O'Brien, \"\"Pat\"\"\",\"Comma, Inc.\",Teilnehmer,active,1,"
        "2026-03-28T10:00:10+01:00,K1");
  CHECK(lines[6] == "T000007,Nina Neu,Presseamt,Presse,active,1,2026-03-28T10:00:30+01:00,desk");
  // Tickets the server holds no registration for.
  CHECK(lines[7] == "T000998,,,,,1,2026-03-28T08:30:00+01:00,K2");
  CHECK(lines[8] == "T000999,,,,,1,2026-03-28T09:50:00+01:00,K1");
}

TEST_CASE("csv cells", "[desk][csv]") {
  using desk_detail::csv_cell;
  CHECK(csv_cell("plain") == "plain");
  CHECK(csv_cell("") == "");
  CHECK(csv_cell("a,b") == "\"a,b\"");
  CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_cell("two\nlines") == "\"two\nlines\"");
  CHECK(csv_cell("=1+2") == "'=1+2");
  CHECK(csv_cell("+49 30 1234") == "'+49 30 1234");
  CHECK(csv_cell("-x") == "'-x");
  CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_cell("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  CHECK(csv_cell("a=b") == "a=b");
}

TEST_CASE("metrics are Prometheus text with the counts the dashboard shows", "[desk][metrics]") {
  DeskFixture f;
  f.admit_the_morning();
  ok(f.desk.admit(7, "lost ticket", "anna"));
  DeviceHealth k1;
  k1.printer = PrinterHealth::ok;
  k1.refusals = {{"already_admitted", 4}, {"invalid", 1}};
  k1.print_jobs = {{"done", 40}, {"queued", 1}};
  f.heartbeat("K1", k1, 2, 120);
  DeviceHealth k2;
  k2.printer = PrinterHealth::ok;
  k2.print_jobs = {{"done", 2}, {"failed", 1}};
  f.heartbeat("K2", k2, 0, -1500);
  f.disconnect("K2");
  f.clock.advance(1500ms);

  const std::string text = ok(f.desk.metrics());
  const auto m = parse_metrics(text);
  CHECK(m.at(R"(einlass_admissions_total{kind="entry"})") == 8);
  CHECK(m.at(R"(einlass_admissions_total{kind="exit"})") == 1);
  CHECK(m.at(R"(einlass_admissions_total{kind="manual_entry"})") == 1);
  CHECK(m.at(R"(einlass_refusals_total{reason="already_admitted"})") == 4);
  CHECK(m.at(R"(einlass_refusals_total{reason="invalid"})") == 1);
  CHECK(m.at(R"(einlass_attendees{status="active"})") == 6);
  CHECK(m.at(R"(einlass_attendees{status="canceled"})") == 1);
  CHECK(m.at(R"(einlass_attendees{status="blocked"})") == 0);
  CHECK(m.at("einlass_on_site") == 6);
  CHECK(m.at(R"(einlass_kiosks{state="online"})") == 1);
  CHECK(m.at(R"(einlass_kiosks{state="offline"})") == 1);
  CHECK(m.at(R"(einlass_kiosk_unsynced_events{kiosk="K1"})") == 2);
  CHECK(m.at(R"(einlass_kiosk_clock_skew_seconds{kiosk="K1"})") == Approx(0.12));
  CHECK(m.at(R"(einlass_kiosk_clock_skew_seconds{kiosk="K2"})") == Approx(-1.5));
  CHECK(m.at(R"(einlass_sync_lag_seconds{kiosk="K1"})") == Approx(1.5));
  CHECK(m.at(R"(einlass_print_jobs{state="done"})") == 42);
  CHECK(m.at(R"(einlass_print_jobs{state="queued"})") == 1);
  CHECK(m.at(R"(einlass_print_jobs{state="printing"})") == 0);
  CHECK(m.at(R"(einlass_print_jobs{state="failed"})") == 1);
  CHECK(m.at(R"(einlass_alerts_open{kind="duplicate"})") == 1);
  CHECK(m.at(R"(einlass_alerts_open{kind="kiosk_offline"})") == 0);
  // No personal data.
  CHECK(text.find("Müller") == std::string::npos);
  CHECK(text.find("T0000") == std::string::npos);
}

TEST_CASE("metric label values are escaped", "[desk][metrics]") {
  desk_detail::PrometheusText out;
  out.family("einlass_test", "gauge", "A help text with a \\ and a\nline feed.");
  out.sample(std::int64_t{3}, "reason", "say \"hi\"\\\n");
  out.sample(0.25);
  CHECK(out.text() ==
        "# HELP einlass_test A help text with a \\\\ and a\\nline feed.\n"
        "# TYPE einlass_test gauge\n"
        "einlass_test{reason=\"say \\\"hi\\\"\\\\\\n\"} 3\n"
        "einlass_test 0.25\n");
  const auto parsed = parse_metrics(out.text());
  CHECK(parsed.size() == 2);
}
