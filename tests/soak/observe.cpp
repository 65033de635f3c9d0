#include "soak/observe.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>

#include <cctype>
#include <cstdio>
#include <sstream>

#include "integration/process.h"

namespace einlass::test {

namespace {

namespace fs = std::filesystem;

std::vector<AdmissionRow> admission_rows(const fs::path& db) {
  SQLite::Database connection(db.string(), SQLite::OPEN_READONLY);
  connection.setBusyTimeout(5000);
  SQLite::Statement q(connection, "SELECT kiosk_id, seq, ticket_id, kind FROM admission_events");
  std::vector<AdmissionRow> rows;
  while (q.executeStep())
    rows.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt64(),
                    q.getColumn(2).getInt64(), q.getColumn(3).getString()});
  return rows;
}

std::map<std::string, std::int64_t> print_job_states(const fs::path& db) {
  SQLite::Database connection(db.string(), SQLite::OPEN_READONLY);
  connection.setBusyTimeout(5000);
  SQLite::Statement q(connection, "SELECT state, count(*) FROM print_jobs GROUP BY state");
  std::map<std::string, std::int64_t> out;
  while (q.executeStep()) out[q.getColumn(0).getString()] = q.getColumn(1).getInt64();
  return out;
}

std::string text_or_empty(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

KioskRecord kiosk_record(VenueRig& rig, int k) {
  KioskRecord record;
  std::istringstream lines(rig.kiosk(k).out());
  for (std::string line; std::getline(lines, line);) {
    const auto json = nlohmann::json::parse(line, nullptr, false);
    if (!json.is_object()) continue;
    const auto event = json.value("event", "");
    if (event == "started") {
      ++record.runs;
    } else if (event == "decision") {
      record.decisions.push_back({text_or_empty(json, "ticket"), json.value("verdict", ""),
                                  text_or_empty(json, "reason"), std::max(0, record.runs - 1)});
    } else if (event == "print") {
      record.prints.push_back({text_or_empty(json, "ticket"), json.value("job", std::int64_t{0}),
                               json.value("reprint", 0), json.value("attempt", 0),
                               json.value("state", ""), json.value("detail", ""),
                               parse_log_time(json.value("time", ""))});
    }
  }
  record.replica = admission_rows(rig.replica(k));
  record.print_jobs = print_job_states(rig.replica(k));
  for (const auto& entry : fs::directory_iterator(rig.frames(k))) {
    const auto name = entry.path().filename().string();
    if (entry.is_regular_file() && !name.starts_with(".")) record.waiting_frames.push_back(name);
  }
  return record;
}

UnixMs modified_ms(const fs::path& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) return 0;
  return static_cast<UnixMs>(info.st_mtim.tv_sec) * 1000 + info.st_mtim.tv_nsec / 1'000'000;
}

// "K1-12-r0-a1.pdf" (a file printer's folder) or "7-K4-12-r0-a1.pdf" (ippeveprinter's spool).
std::optional<BadgeCopy> badge_from_name(const fs::path& file, bool spooled) {
  const auto name = file.filename().string();
  if (!name.ends_with(".pdf")) return std::nullopt;
  const auto from = spooled ? name.find('-') + 1 : 0;
  char kiosk[16] = {};
  long long seq = 0;
  int reprint = 0, attempt = 0;
  if (std::sscanf(name.c_str() + from, "%15[^-]-%lld-r%d-a%d.pdf", kiosk, &seq, &reprint,
                  &attempt) != 4)
    return std::nullopt;
  BadgeCopy copy;
  copy.kiosk = kiosk;
  // ippeveprinter writes job names in lower case.
  for (char& c : copy.kiosk) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  copy.seq = seq;
  copy.reprint = reprint;
  copy.attempt = attempt;
  copy.file = name;
  copy.accepted = modified_ms(file);
  return copy;
}

void read_badges(const fs::path& folder, bool spooled, bool texts, Observations& seen) {
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    auto copy = badge_from_name(entry.path(), spooled);
    if (!copy) {
      if (entry.path().extension() == ".pdf")
        seen.unreadable.push_back("a badge file named unlike a job: " + entry.path().string());
      continue;
    }
    if (texts) {
      const auto r =
          run_process({"/usr/bin/pdftotext", entry.path().string(), "-"}, std::chrono::seconds(30));
      if (r.exit_code != 0) seen.unreadable.push_back("pdftotext " + copy->file + ": " + r.err);
      copy->text = r.out;
    }
    seen.badges.push_back(std::move(*copy));
  }
}

nlohmann::json api_items(VenueRig& rig, const std::string& target, Observations& seen) {
  const auto reply = rig.api("GET", target);
  if (!reply || reply->status != 200) {
    seen.unreadable.push_back(
        "GET " + target + ": " +
        (reply ? std::to_string(reply->status) + " " + reply->body : std::string("no answer")));
    return nullptr;
  }
  return reply->json()["items"];
}

}  // namespace

UnixMs parse_log_time(const std::string& iso_utc) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
  if (std::sscanf(iso_utc.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &y, &mo, &d, &h, &mi, &s, &ms) != 7)
    return 0;
  using namespace std::chrono;
  const sys_days day = year{y} / month{static_cast<unsigned>(mo)} / static_cast<unsigned>(d);
  return duration_cast<milliseconds>(day.time_since_epoch()).count() +
         ((h * 60 + mi) * 60 + s) * 1000LL + ms;
}

Observations observe(VenueRig& rig, bool badge_texts) {
  Observations seen;
  seen.badge_texts = badge_texts;
  for (int k = 0; k < kVenueKiosks; ++k)
    seen.kiosks[static_cast<std::size_t>(k)] = kiosk_record(rig, k);
  seen.server = admission_rows(rig.server_db());
  for (int k = 0; k < kVenueKiosks; ++k)
    if (k != kIppKiosk) read_badges(rig.badges(k), false, badge_texts, seen);
  read_badges(rig.printer().spool(), true, badge_texts, seen);
  const auto summary = rig.api("GET", "/api/v1/summary");
  if (summary && summary->status == 200)
    seen.summary = summary->json();
  else
    seen.unreadable.push_back("GET /api/v1/summary: " + (summary ? std::to_string(summary->status)
                                                                 : std::string("no answer")));
  seen.alerts = api_items(rig, "/api/v1/alerts", seen);
  seen.kiosk_list = api_items(rig, "/api/v1/kiosks", seen);
  return seen;
}

}  // namespace einlass::test
