// Desk benchmarks: what the dashboard asks for most, on a database the size of a large event
// (50,000 attendees, 100,000 admissions over two days from 20 kiosks), each against a plain
// `SELECT count(*) FROM admission_events` measured in the same run, so the ratios hold on any
// machine. Prints a table; asserts nothing about speed.
#include <SQLiteCpp/SQLiteCpp.h>

#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "bench/latency.h"
#include "desk/desk_service.h"
#include "hub/health_json.h"
#include "storage/admission_log.h"
#include "storage/alert_repository.h"
#include "storage/attendee_repository.h"
#include "storage/event_repository.h"
#include "storage/kiosk_registry.h"
#include "support/sample_event.h"
#include "support/temp_dir.h"
#include "support/time_literals.h"

namespace {

using namespace einlass;
using Stopwatch = std::chrono::steady_clock;

struct Sizes {
  int attendees = 50'000;
  int admissions = 100'000;
  int repeats = 20;
};

constexpr int kKiosks = 20;

const char* const kFirst[] = {"Jürgen", "Anna",  "Özlem", "Paul",   "Marie",
                              "Ben",    "Sofia", "Jonas", "Chiara", "Lukas"};
const char* const kLast[] = {"Müller",  "Schmidt", "Schneider", "Fischer", "Weber",
                             "Meyer",   "Wagner",  "Becker",    "Schulz",  "Hoffmann",
                             "Straßer", "Çelik",   "Nowak",     "Dubois",  "Rossi"};

std::vector<Registration> registrations(int n) {
  std::vector<Registration> out;
  out.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    Registration r;
    r.external_id = "reg-" + std::to_string(i);
    r.email = "person" + std::to_string(i) + "@example.org";
    r.record.display_name =
        std::string(kFirst[i % 10]) + " " + kLast[(i / 10) % 15] + " " + std::to_string(i);
    r.record.organisation = "Behörde " + std::to_string(i % 400);
    r.record.category = static_cast<CategoryCode>(1 + i % 5);
    r.record.days = i % 7 == 0 ? 0b01 : 0b11;
    out.push_back(std::move(r));
  }
  return out;
}

// Half the admissions on each day from 20 kiosks: nine in ten are entries spread over four hours
// of the morning, the rest exits of holders who came in an hour before.
std::vector<AdmissionEvent> admissions(int n, int attendees) {
  std::vector<AdmissionEvent> out;
  out.reserve(static_cast<std::size_t>(n));
  std::vector<std::uint64_t> seq(kKiosks, 0);
  const long long per_day = n / 2;
  const long long entries = per_day * 9 / 10;
  const auto add = [&](int day, long long j, AdmissionKind kind, std::chrono::milliseconds later) {
    const int k = static_cast<int>(out.size() % kKiosks);
    AdmissionEvent e;
    e.key = {"K" + std::to_string(k + 1), ++seq[static_cast<std::size_t>(k)]};
    e.ticket_id = static_cast<TicketId>(1 + (j * 7919 + day * 13) % attendees);
    e.kind = kind;
    e.scan_time = test::utc(2026, 3, static_cast<unsigned>(27 + day), 7) +
                  std::chrono::milliseconds(j * 14'400'000LL / entries) + later;
    e.hlc = {to_unix_ms(e.scan_time), 0};
    e.event_day = day;
    out.push_back(std::move(e));
  };
  for (int day = 1; day <= 2; ++day) {
    for (long long j = 0; j < entries; ++j) add(day, j, AdmissionKind::entry, {});
    for (long long j = 0; j < per_day - entries; ++j)
      add(day, j * 9, AdmissionKind::exit, std::chrono::hours(1));
  }
  return out;
}

double seconds_since(Stopwatch::time_point start) {
  return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Medians of `repeats` runs in milliseconds: wall clock, and CPU time (steadier on a busy
// machine). Negative when a run failed.
struct Timing {
  double wall = -1;
  double cpu = -1;
};

Timing time_ms(int repeats, const std::function<bool()>& run) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < repeats; ++i) {
    const auto start = Stopwatch::now();
    const double cpu_start = cpu_seconds();
    if (!run()) return {};
    cpu.push_back((cpu_seconds() - cpu_start) * 1e3);
    wall.push_back(seconds_since(start) * 1e3);
  }
  return {bench::summarise(std::move(wall)).p50, bench::summarise(std::move(cpu)).p50};
}

template <class T>
bool succeeded(const DeskResult<T>& result, const char* what) {
  if (result) return true;
  std::fprintf(stderr, "%s failed: %s\n", what, result.error().message.c_str());
  return false;
}

bool fill(Database& db, const Clock& clock, const Sizes& sizes) {
  if (!EventRepository(db).save(test::sample_event())) return false;
  if (auto added = AttendeeRepository(db, clock).upsert(registrations(sizes.attendees)); !added) {
    std::fprintf(stderr, "registrations: %s\n", added.error().message.c_str());
    return false;
  }
  const auto events = admissions(sizes.admissions, sizes.attendees);
  if (auto stored = AdmissionLog(db, clock).append_batch(events); !stored) {
    std::fprintf(stderr, "admissions: %s\n", stored.error().message.c_str());
    return false;
  }
  KioskRegistry kiosks(db);
  for (int k = 1; k <= kKiosks; ++k) {
    DeviceHealth health;
    health.printer = PrinterHealth::ok;
    health.refusals = {{"already_admitted", 12}, {"invalid", 3}};
    health.print_jobs = {{"done", 2'000}, {"queued", 1}};
    for (int r = 0; r < 20; ++r)
      health.recent_refusals.push_back(
          {static_cast<TicketId>(k * 100 + r), "already_admitted", to_unix_ms(clock.now()) - r});
    const std::string id = "K" + std::to_string(k);
    if (!kiosks.connected(id, "0.4.0", "10.0.0." + std::to_string(k), clock.now()) ||
        !kiosks.report(id, {health_to_json(health), 0, 50, 0}, clock.now()))
      return false;
  }
  AlertRepository alerts(db);
  for (std::uint64_t i = 1; i <= 200; ++i)
    if (!alerts.raise({AlertKind::duplicate, "K1", i, TicketId{1}, "repeats"}, clock.now()))
      return false;
  return true;
}

struct Row {
  const char* name;
  Timing ms;
};

std::vector<Row> measure(DeskService& desk, Database& db, ManualClock& clock, const Sizes& sizes) {
  const TicketId someone = static_cast<TicketId>(sizes.attendees / 2 + 1);
  AdmissionFilter first_page;
  AdmissionFilter one_kiosk;
  one_kiosk.kiosk = "K7";
  one_kiosk.day = 1;
  const int n = sizes.repeats;
  return {
      {"reference: count(*) of the log",
       time_ms(n,
               [&] {
                 return db.connection()
                            .execAndGet("SELECT count(*) FROM admission_events")
                            .getInt64() == sizes.admissions;
               })},
      {"a full scan of the log",
       time_ms(n,
               [&] {
                 return db.connection()
                            .execAndGet(
                                "SELECT count(*) FROM admission_events WHERE kind <> 'exit'")
                            .getInt64() > 0;
               })},
      // A minute later each time: computed afresh, as after any change.
      {"summary", time_ms(n,
                          [&] {
                            clock.advance(std::chrono::minutes(1));
                            return succeeded(desk.summary(), "summary");
                          })},
      {"summary again, nothing changed",
       time_ms(n, [&] { return succeeded(desk.summary(), "summary"); })},
      {"search \"muller\" (20 rows)",
       time_ms(n, [&] { return succeeded(desk.search("muller", 20), "search"); })},
      {"search a ticket id",
       time_ms(n, [&] { return succeeded(desk.search("T000042", 20), "search"); })},
      {"attendee detail",
       time_ms(n, [&] { return succeeded(desk.attendee(someone), "attendee"); })},
      {"metrics", time_ms(n, [&] { return succeeded(desk.metrics(), "metrics"); })},
      {"admissions, first page (50)",
       time_ms(n, [&] { return succeeded(desk.admissions(first_page), "page"); })},
      {"admissions of one kiosk and day",
       time_ms(n, [&] { return succeeded(desk.admissions(one_kiosk), "page"); })},
      {"kiosks (20)", time_ms(n, [&] { return succeeded(desk.kiosks(), "kiosks"); })},
      {"fingerprint", time_ms(n, [&] { return succeeded(desk.fingerprint(), "fingerprint"); })},
  };
}

// Ratios against the first row (count(*)) and the second (a full scan); false if a run failed.
bool print(const std::vector<Row>& rows) {
  std::printf("%-34s %10s %10s %11s %11s\n", "measure (median)", "wall ms", "cpu ms", "x count(*)",
              "x scan");
  bool ok = true;
  for (const auto& row : rows) {
    ok = ok && row.ms.wall >= 0;
    std::printf("%-34s %10.3f %10.3f %11.1f %11.2f\n", row.name, row.ms.wall, row.ms.cpu,
                row.ms.cpu / rows[0].ms.cpu, row.ms.cpu / rows[1].ms.cpu);
  }
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  Sizes sizes;
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  if (quick) sizes = {2'000, 4'000, 3};

  test::TempDir dir;
  auto opened = Database::open(dir / "event.db", DatabaseKind::server);
  if (!opened) {
    std::fprintf(stderr, "cannot open the database: %s\n", opened.error().message.c_str());
    return 1;
  }
  Database& db = *opened;
  // Day 2 at 13:00 Berlin time, with both mornings' admissions in.
  ManualClock clock{test::utc(2026, 3, 29, 11, 0)};
  const auto start = Stopwatch::now();
  if (!fill(db, clock, sizes)) return 1;
  const double fill_s = seconds_since(start);
  DeskService desk(db, clock);

  std::printf(
      "Einlass desk benchmarks (%s run): %d attendees, %d admissions, %d kiosks, "
      "filled in %.1f s\n",
      quick ? "quick" : "full", sizes.attendees, sizes.admissions, kKiosks, fill_s);
  bool ok = print(measure(desk, db, clock, sizes));
  // The same measures with a larger page cache, on this connection alone: SQLite's default
  // (2 MiB) holds a tenth of this database, so every count reads most pages from the OS again.
  db.connection().exec("PRAGMA cache_size = -65536");
  std::printf("\nwith a 64 MiB page cache:\n");
  ok = print(measure(desk, db, clock, sizes)) && ok;
  return ok ? 0 : 1;
}
