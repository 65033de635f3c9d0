// Core benchmarks: ticket verification, admission decisions and durable admission commits, each
// set against references measured in the same run (raw Ed25519, raw SQLite insert+fsync), so the
// ratios hold on any machine. Prints a table; asserts nothing about speed.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "event/event_calendar.h"
#include "rules/decide.h"
#include "storage/database.h"
#include "storage/print_job_repository.h"
#include "support/sample_event.h"
#include "support/temp_dir.h"
#include "ticket/keyring.h"
#include "ticket/signing_key.h"
#include "ticket/ticket_codec.h"
#include "ticket/ticket_issuer.h"
#include "ticket/ticket_verifier.h"

#include "bench/latency.h"

namespace {

using namespace einlass;
using Stopwatch = std::chrono::steady_clock;

struct Sizes {
  int verifications = 20000;
  int decisions = 1000000;
  int commits = 2000;
};

double seconds_since(Stopwatch::time_point start) {
  return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

using bench::Latency;
using bench::summarise;

Ticket bench_ticket(TicketId id) {
  Ticket t;
  t.key_id = 1;
  t.event_id = test::sample_event().id;
  t.ticket_id = id;
  t.category = 1;
  t.days = 0b11;
  t.display_name = "Dr. Anna-Lena Müller-Lüdenscheidt";
  t.organisation = "Landesamt für Digitalisierung Sachsen-Anhalt";
  return t;
}

// Raw SQLite: one single-row insert per transaction, WAL, synchronous=FULL.
Latency raw_sqlite_commits(const std::filesystem::path& file, int n) {
  SQLite::Database db{file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
  db.exec("PRAGMA journal_mode=WAL");
  db.exec("PRAGMA synchronous=FULL");
  db.exec("CREATE TABLE t (k INTEGER PRIMARY KEY, ticket INTEGER, at INTEGER, kiosk TEXT)");
  SQLite::Statement insert{db, "INSERT INTO t (k, ticket, at, kiosk) VALUES (?, ?, ?, 'kiosk-1')"};
  std::vector<double> us;
  us.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const auto start = Stopwatch::now();
    insert.bind(1, i + 1);
    insert.bind(2, i % 500);
    insert.bind(3, int64_t{1'774'000'000'000} + i);
    insert.exec();
    insert.reset();
    us.push_back(seconds_since(start) * 1e6);
  }
  return summarise(std::move(us));
}

Latency admission_commits(const std::filesystem::path& file, int n) {
  auto db = Database::open(file, DatabaseKind::kiosk);
  if (!db) {
    std::fprintf(stderr, "cannot open kiosk replica: %s\n", db.error().message.c_str());
    std::exit(1);
  }
  const SystemClock clock;
  PrintJobRepository jobs{*db, clock};
  std::vector<double> us;
  us.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    AdmissionEvent event;
    event.key = {"kiosk-1", static_cast<std::uint64_t>(i + 1)};
    event.ticket_id = static_cast<TicketId>(i + 1);
    event.scan_time = clock.now();
    event.hlc = {to_unix_ms(event.scan_time), 0};
    event.event_day = 1;
    const auto start = Stopwatch::now();
    auto committed = jobs.commit_admission(event);
    us.push_back(seconds_since(start) * 1e6);
    if (!committed) {
      std::fprintf(stderr, "commit failed: %s\n", committed.error().message.c_str());
      std::exit(1);
    }
  }
  return summarise(std::move(us));
}

}  // namespace

int main(int argc, char** argv) {
  Sizes sizes;
  if (argc > 1 && std::strcmp(argv[1], "--quick") == 0) sizes = {200, 2000, 20};

  const auto key = SigningKey::generate();
  Keyring keyring{test::sample_event().id};
  if (auto added = keyring.add(1, key.public_key()); !added) {
    std::fprintf(stderr, "keyring: %s\n", added.error().c_str());
    return 1;
  }
  std::vector<std::string> codes;
  for (TicketId id = 1; id <= 500; ++id) codes.push_back(issue_ticket(bench_ticket(id), key));

  // Ticket verification: parse + Ed25519, against Ed25519 alone on the same bytes.
  auto start = Stopwatch::now();
  int admitted = 0;
  for (int i = 0; i < sizes.verifications; ++i) {
    admitted += verify_ticket(codes[static_cast<std::size_t>(i) % codes.size()], keyring) ? 1 : 0;
  }
  const double verify_per_s = sizes.verifications / seconds_since(start);
  auto parsed = parse_ticket(codes[0]);
  if (!parsed) {
    std::fprintf(stderr, "parse: %s\n", parsed.error().detail.c_str());
    return 1;
  }
  start = Stopwatch::now();
  for (int i = 0; i < sizes.verifications; ++i) {
    admitted += keyring.verify(1, parsed->signed_bytes, parsed->signature) ? 1 : 0;
  }
  const double raw_ed25519_per_s = sizes.verifications / seconds_since(start);

  // decide(): a ticket with a record and two prior events.
  const auto event = test::sample_event();
  const auto calendar = EventCalendar::create(event);
  const Entrance entrance{"kiosk-1", EntranceMode::entry, {}};
  const Ticket ticket = bench_ticket(42);
  ReplicaFacts facts;
  facts.attendee = AttendeeRecord{42, "A", "B", 1, 0b11, AttendeeStatus::active};
  std::vector<AdmissionEvent> history(2);
  history[0].key = {"kiosk-2", 7};
  history[0].ticket_id = 42;
  history[0].event_day = 1;
  history[0].scan_time = calendar->start_of_day(1) + std::chrono::hours{9};
  history[1] = history[0];
  history[1].key.seq = 8;
  history[1].kind = AdmissionKind::exit;
  const Timestamp scan = calendar->start_of_day(2) + std::chrono::hours{9};
  start = Stopwatch::now();
  for (int i = 0; i < sizes.decisions; ++i) {
    const auto d = decide(ticket, facts, history, scan + std::chrono::milliseconds{i}, entrance,
                          *calendar, event.reentry);
    admitted += d.admitted ? 1 : 0;
  }
  const double decide_per_s = sizes.decisions / seconds_since(start);

  // Durable commits: admission + print job + kiosk state, against a bare single-row insert.
  test::TempDir dir;
  const Latency raw = raw_sqlite_commits(dir / "raw.db", sizes.commits);
  const Latency ours = admission_commits(dir / "kiosk.db", sizes.commits);
  const double raw_commit_s = raw.mean / 1e6;

  // Every verification and every decision above admits; otherwise the figures timed the
  // refusal path and mean nothing.
  if (admitted != 2 * sizes.verifications + sizes.decisions) {
    std::fprintf(stderr, "only %d of %d operations admitted: the benchmark setup is broken\n",
                 admitted, 2 * sizes.verifications + sizes.decisions);
    return 1;
  }
  std::printf("Einlass core benchmarks (%s run)\n", sizes.commits < 100 ? "quick" : "full");
  std::printf(
      "reference in this run: raw SQLite single-row insert+fsync (WAL, synchronous=FULL): "
      "p50 %.0f us, p99 %.0f us, mean %.0f us\n\n",
      raw.p50, raw.p99, raw.mean);
  std::printf("%-38s %14s %14s %9s  %s\n", "measure", "figure", "reference", "ratio",
              "reference is");
  std::printf("%-38s %12.0f/s %12.0f/s %8.2fx  raw Ed25519 verify of the same bytes\n",
              "ticket verification (parse+verify)", verify_per_s, raw_ed25519_per_s,
              verify_per_s / raw_ed25519_per_s);
  std::printf("%-38s %12.1fus %12.1fus %8.2fx  raw SQLite insert+fsync (mean)\n",
              "ticket verification latency", 1e6 / verify_per_s, raw.mean,
              (1e6 / verify_per_s) / raw.mean);
  std::printf("%-38s %12.0f/s %12.0f/s %8.0fx  raw SQLite insert+fsync (mean)\n", "decide() calls",
              decide_per_s, 1.0 / raw_commit_s, decide_per_s * raw_commit_s);
  std::printf("%-38s %12.0fus %12.0fus %8.2fx  raw SQLite insert+fsync p50\n",
              "durable admission commit p50", ours.p50, raw.p50, ours.p50 / raw.p50);
  std::printf("%-38s %12.0fus %12.0fus %8.2fx  raw SQLite insert+fsync p99\n",
              "durable admission commit p99", ours.p99, raw.p99, ours.p99 / raw.p99);
  std::printf(
      "\n(an admission commit writes the event, its print job and the kiosk counters in one "
      "transaction)\n");
  return 0;
}
