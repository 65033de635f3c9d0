#include "kiosk_site.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/date_text.h"
#include "support/files.h"

namespace einlass::test {

namespace {

const std::string kAdmin = EINLASS_ADMIN_BINARY;
const std::string kKiosk = EINLASS_KIOSK_BINARY;

std::string csv_field(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

KioskSite::KioskSite(const std::vector<Registrant>& people) {
  using namespace std::chrono;
  // Yesterday to tomorrow in UTC: today in Berlin is inside whatever the hour.
  const year_month_day first{floor<days>(system_clock::now()) - days(1)};
  auto r = admin({"init", "--name", "Digitaler Staat Halle", "--first-day", format_iso_date(first),
                  "--days", "3"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string csv = "id,name,organisation,email,category,days\n";
  for (std::size_t i = 0; i < people.size(); ++i)
    csv += "R-" + std::to_string(i + 1) + "," + csv_field(people[i].name) + "," +
           csv_field(people[i].organisation) + ",p" + std::to_string(i + 1) + "@example.org," +
           people[i].category + ",\n";
  write_file(dir_ / "registrations.csv", csv);
  r = admin({"import", (dir_ / "registrations.csv").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  r = admin({"tickets", "--format", "text"});
  REQUIRE(r.exit_code == 0);
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) codes_.push_back(line);
  REQUIRE(codes_.size() == people.size());
}

ProcessResult KioskSite::admin(std::vector<std::string> args) const {
  std::vector<std::string> argv{kAdmin, "--db", (dir_ / "event.db").string()};
  argv.insert(argv.end(), args.begin(), args.end());
  auto result = run_process(argv, std::chrono::seconds(120));
  REQUIRE_FALSE(result.timed_out);
  return result;
}

DaemonProcess& KioskSite::start_kiosk(const std::string& id, const std::string& printer,
                                      const std::string& extra_config,
                                      std::vector<std::string> environment) {
  const auto bundle_dir = bundle(id);
  if (!std::filesystem::exists(bundle_dir / "replica.db")) {
    const auto r = admin({"provision-kiosk", id, "--out", bundle_dir.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  std::filesystem::create_directories(frames(id));
  std::filesystem::create_directories(badges(id));
  write_file(bundle_dir / "kiosk.toml",
             "[kiosk]\nid = \"" + id +
                 "\"\nreplica = \"replica.db\"\n\n[devices]\n"
                 "scanners = [\"dir:frames?repeat_gap_ms=0\"]\nprinter = \"" +
                 (printer.empty() ? std::string("file:badges") : printer) +
                 "\"\nindicator = \"sim:?file=" + (bundle_dir / "lights.json").string() +
                 "\"\n\n[screen]\n"
                 "listen = \"127.0.0.1:0\"\nresult_seconds = 2\n" +
                 extra_config);
  auto& slot = kiosks_[id];
  if (!slot)
    slot = std::make_unique<DaemonProcess>(
        std::vector<std::string>{kKiosk, "--config", (bundle_dir / "kiosk.toml").string()},
        bundle_dir / "kiosk", std::move(environment));
  const auto starts_before = log_lines(slot->out(), "started").size();
  slot->start();
  const bool started = slot->wait_for_output(
      [&](const std::string& out) { return log_lines(out, "started").size() > starts_before; });
  INFO(slot->err());
  REQUIRE(started);
  return *slot;
}

void KioskSite::drop_frame(const std::string& id, GrayView frame, const std::string& name,
                           bool jpeg) const {
  const auto temp = frames(id) / ("." + name + ".tmp");
  if (jpeg)
    write_jpeg(frame, temp);
  else
    write_png(frame, temp);
  std::filesystem::rename(temp, frames(id) / (name + (jpeg ? ".jpg" : ".png")));
}

std::vector<std::string> log_lines(const std::string& out, const std::string& event) {
  std::vector<std::string> found;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    const auto json = nlohmann::json::parse(line, nullptr, false);
    if (json.is_object() && json.value("event", "") == event) found.push_back(line);
  }
  return found;
}

bool wait_for_decisions(const DaemonProcess& kiosk, std::size_t count,
                        std::chrono::milliseconds timeout) {
  return kiosk.wait_for_output(
      [count](const std::string& out) { return log_lines(out, "decision").size() >= count; },
      timeout);
}

std::vector<std::string> decisions_for(const std::string& out, const std::string& ticket) {
  std::vector<std::string> found;
  for (const auto& line : log_lines(out, "decision")) {
    const auto json = nlohmann::json::parse(line);
    if (json["ticket"].is_string() && json["ticket"] == ticket) found.push_back(line);
  }
  return found;
}

}  // namespace einlass::test
