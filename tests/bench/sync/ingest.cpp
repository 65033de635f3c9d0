#include "ingest.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <stdexcept>

#include "lean_kiosk.h"
#include "net/change_feed.h"
#include "support/temp_dir.h"
#include "sync/frame.h"
#include "sync/messages.h"
#include "venue.h"

namespace einlass::bench {

namespace {

// Kiosk k's events, seq 1..n, each for a ticket of its own (no duplicates, so no alerts: the
// plain ingest rate).
std::vector<AdmissionEvent> kiosk_events(int kiosk, int n) {
  std::vector<AdmissionEvent> events;
  events.reserve(static_cast<std::size_t>(n));
  const std::string id = kiosk_name(kiosk);
  for (int i = 1; i <= n; ++i)
    events.push_back(bench_admission(id, static_cast<std::uint64_t>(i),
                                     static_cast<std::uint32_t>((kiosk - 1) * n + i), kiosk));
  return events;
}

std::vector<Push> kiosk_pushes(int kiosk, int n) {
  const auto events = kiosk_events(kiosk, n);
  std::vector<Push> pushes;
  for (std::size_t at = 0; at < events.size(); at += kMaxPushEvents) {
    const auto end = std::min(events.size(), at + kMaxPushEvents);
    pushes.push_back(Push{{events.begin() + static_cast<std::ptrdiff_t>(at),
                           events.begin() + static_cast<std::ptrdiff_t>(end)}});
  }
  return pushes;
}

}  // namespace

IngestRun ingest_over_tls(const IngestSizes& sizes, bool fan_out) {
  test::TempDir dir;
  Authority authority(dir / "tls");
  Database db = make_server_database(dir / "event.db", sizes.attendees);
  std::vector<LeanKioskPlan> plans;
  for (int k = 1; k <= sizes.kiosks; ++k) {
    LeanKioskPlan plan;
    plan.kiosk_id = kiosk_name(k);
    plan.tls = authority.kiosk(plan.kiosk_id);
    plan.pull = fan_out;
    for (const auto& push : kiosk_pushes(k, sizes.events_per_kiosk))
      plan.push_frames.push_back(encode_frame(MessageType::push, encode_push(push)));
    plans.push_back(std::move(plan));
  }
  // Kiosks that synced before: their cursor is the newest change, so a pull is answered with an
  // empty `changes`, not a snapshot of every attendee.
  const std::string cursor = current_cursor(db);
  for (auto& plan : plans) plan.cursor = cursor;

  ServerThread server(db, authority.server());
  for (auto& plan : plans) plan.port = server.port();

  IngestRun run;
  run.expected = static_cast<std::int64_t>(sizes.kiosks) * sizes.events_per_kiosk;
  boost::asio::io_context io;
  LeanFleet fleet(io);
  enum class Phase { connecting, pushing, finished } phase = Phase::connecting;
  Stopwatch::time_point start;
  const auto n = static_cast<std::size_t>(sizes.kiosks);
  fleet.connect(std::move(plans), [&] {
    if (phase == Phase::connecting && fleet.ready() + fleet.failed() >= n) {
      phase = Phase::pushing;
      start = Stopwatch::now();
      fleet.start_pushing();
    }
    if (phase == Phase::pushing && fleet.done() + fleet.failed() >= n) {
      phase = Phase::finished;
      run.seconds = seconds_since(start);
      fleet.close_all();
    }
  });
  boost::asio::steady_timer give_up(io, std::chrono::minutes(10));
  give_up.async_wait([&](const boost::system::error_code& error) {
    if (!error) fleet.close_all();
  });
  while (phase != Phase::finished && !io.stopped()) io.run_for(std::chrono::milliseconds(50));
  give_up.cancel();
  fleet.close_all();
  io.restart();
  io.run_for(std::chrono::seconds(1));
  run.failed_kiosks = fleet.failed();
  for (std::size_t i = 0; i < fleet.size(); ++i)
    if (run.first_failure.empty() && !fleet.counts(i).failure.empty() && !fleet.counts(i).done)
      run.first_failure = fleet.counts(i).failure;
  if (phase != Phase::finished) run.seconds = seconds_since(start);
  server.stop();
  run.stored = admission_rows(db);
  return run;
}

IngestRun ingest_through_hub(const IngestSizes& sizes) {
  test::TempDir dir;
  Database db = make_server_database(dir / "event.db", sizes.attendees);
  const SystemClock clock;
  SyncHub hub(db, clock);
  std::vector<std::vector<Push>> pushes;
  for (int k = 1; k <= sizes.kiosks; ++k) pushes.push_back(kiosk_pushes(k, sizes.events_per_kiosk));
  IngestRun run;
  run.expected = static_cast<std::int64_t>(sizes.kiosks) * sizes.events_per_kiosk;
  const auto start = Stopwatch::now();
  // Round robin, as the single server thread interleaves the kiosks' batches.
  for (std::size_t batch = 0; batch < pushes.front().size(); ++batch) {
    for (int k = 1; k <= sizes.kiosks; ++k) {
      auto outcome = hub.push(kiosk_name(k), pushes[static_cast<std::size_t>(k - 1)][batch]);
      if (!outcome) throw std::runtime_error("hub push: " + outcome.error().message);
    }
  }
  run.seconds = seconds_since(start);
  run.stored = admission_rows(db);
  return run;
}

FanOutRound fan_out_round(const IngestSizes& sizes, int batches) {
  test::TempDir dir;
  Database db = make_server_database(dir / "event.db", sizes.attendees);
  const SystemClock clock;
  SyncHub hub(db, clock);
  const std::string cursor = current_cursor(db);
  FanOutRound round;
  auto start = Stopwatch::now();
  for (int k = 1; k <= batches; ++k) {
    const auto pushes = kiosk_pushes(k, static_cast<int>(kMaxPushEvents));
    auto outcome = hub.push(kiosk_name(k), pushes.front());
    if (!outcome) throw std::runtime_error("hub push: " + outcome.error().message);
    round.events += static_cast<std::int64_t>(outcome->stored);
  }
  round.store_seconds = seconds_since(start);
  // As the server does it: every kiosk at the same cursor is served by one ChangeFeed, which
  // reads and encodes the round once and hands every kiosk the same frames.
  start = Stopwatch::now();
  ChangeFeed feed(hub);
  for (int k = 1; k <= sizes.kiosks; ++k) {
    auto messages = feed.since(cursor);
    if (!messages) throw std::runtime_error("catch_up: " + messages.error().message);
    round.snapshot = round.snapshot || (*messages)->snapshot;
    for (const auto& frame : (*messages)->frames) round.bytes += frame->size();
  }
  round.fan_out_seconds = seconds_since(start);
  return round;
}

double push_parse_rate(const IngestSizes& sizes) {
  std::vector<std::string> payloads;
  std::size_t events = 0;
  for (int k = 1; k <= std::min(sizes.kiosks, 10); ++k)
    for (const auto& push : kiosk_pushes(k, sizes.events_per_kiosk)) {
      payloads.push_back(encode_push(push));
      events += push.events.size();
    }
  const auto start = Stopwatch::now();
  std::size_t parsed = 0;
  for (const auto& payload : payloads) {
    auto push = parse_push(payload);
    if (!push) throw std::runtime_error("parse_push: " + push.error().message);
    parsed += push->events.size();
  }
  const double seconds = seconds_since(start);
  if (parsed != events) throw std::runtime_error("parse_push lost events");
  return static_cast<double>(parsed) / seconds;
}

IngestRun raw_batched_insert(const IngestSizes& sizes) {
  test::TempDir dir;
  SQLite::Database db{(dir / "raw.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE};
  db.exec("PRAGMA journal_mode=WAL");
  db.exec("PRAGMA synchronous=FULL");
  db.exec(R"sql(
CREATE TABLE admission_events (
  kiosk_id     TEXT NOT NULL CHECK (kiosk_id <> ''),
  seq          INTEGER NOT NULL CHECK (seq >= 0),
  ticket_id    INTEGER NOT NULL CHECK (ticket_id BETWEEN 0 AND 4294967295),
  kind         TEXT NOT NULL CHECK (kind IN ('entry', 'exit', 'manual_entry')),
  scan_time    INTEGER NOT NULL,
  hlc_wall     INTEGER NOT NULL,
  hlc_logical  INTEGER NOT NULL CHECK (hlc_logical BETWEEN 0 AND 4294967295),
  event_day    INTEGER NOT NULL,
  staff        TEXT NOT NULL DEFAULT '',
  reason       TEXT NOT NULL DEFAULT '',
  received_at  INTEGER NOT NULL,
  PRIMARY KEY (kiosk_id, seq)
) STRICT;
CREATE INDEX admission_events_by_ticket ON admission_events (ticket_id, hlc_wall, hlc_logical);
CREATE INDEX admission_events_by_hlc ON admission_events (hlc_wall, hlc_logical, kiosk_id, seq);
)sql");
  std::vector<std::vector<Push>> pushes;
  for (int k = 1; k <= sizes.kiosks; ++k) pushes.push_back(kiosk_pushes(k, sizes.events_per_kiosk));
  SQLite::Statement insert{db,
                           "INSERT INTO admission_events (kiosk_id, seq, ticket_id, kind, "
                           "scan_time, hlc_wall, hlc_logical, event_day, staff, reason, "
                           "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"};
  IngestRun run;
  run.expected = static_cast<std::int64_t>(sizes.kiosks) * sizes.events_per_kiosk;
  const SystemClock clock;
  const auto start = Stopwatch::now();
  for (std::size_t batch = 0; batch < pushes.front().size(); ++batch) {
    for (const auto& kiosk : pushes) {
      SQLite::Transaction tx(db);
      for (const auto& e : kiosk[batch].events) {
        insert.bind(1, e.key.kiosk_id);
        insert.bind(2, static_cast<std::int64_t>(e.key.seq));
        insert.bind(3, static_cast<std::int64_t>(e.ticket_id));
        insert.bind(4, std::string(to_string(e.kind)));
        insert.bind(5, to_unix_ms(e.scan_time));
        insert.bind(6, e.hlc.wall_ms);
        insert.bind(7, static_cast<std::int64_t>(e.hlc.logical));
        insert.bind(8, e.event_day);
        insert.bind(9, e.staff);
        insert.bind(10, e.reason);
        insert.bind(11, to_unix_ms(clock.now()));
        insert.exec();
        insert.reset();
      }
      tx.commit();
    }
  }
  run.seconds = seconds_since(start);
  run.stored = db.execAndGet("SELECT count(*) FROM admission_events").getInt64();
  return run;
}

}  // namespace einlass::bench
