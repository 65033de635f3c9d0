#include "replica_kiosks.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/replica.h"
#include "link/sync_client.h"
#include "storage/attendee_repository.h"
#include "storage/event_repository.h"
#include "storage/print_job_repository.h"
#include "support/sample_event.h"
#include "support/temp_dir.h"
#include "support/time_literals.h"
#include "sync/replica_sync.h"
#include "venue.h"

namespace einlass::bench {

namespace asio = boost::asio;

namespace {

// A kiosk as provisioning leaves it before its first contact: a replica holding the event only,
// with an empty cursor, and its TLS files.
struct Kiosk {
  Kiosk(const std::filesystem::path& folder, std::string kiosk_id, const Authority& authority)
      : id(std::move(kiosk_id)), tls(authority.kiosk(id)) {
    const auto path = folder / (id + ".db");
    {
      auto db = Database::open(path, DatabaseKind::kiosk);
      if (!db) throw std::runtime_error(path.string() + ": " + db.error().message);
      if (auto saved = EventRepository(*db).save(test::sample_event()); !saved)
        throw std::runtime_error("event: " + saved.error().message);
    }
    auto opened = Replica::open(path);
    if (!opened) throw std::runtime_error(path.string() + ": " + opened.error());
    replica = std::make_unique<Replica>(std::move(*opened));
    sync = std::make_unique<ReplicaSync>(*replica, id, clock);
  }

  // A new SyncClient (a reconnect after a restart, as far as the server can tell).
  void connect(asio::io_context& io, unsigned short port, SyncClientHooks hooks,
               SyncClient::LogSink log) {
    SyncClientOptions options;
    options.kiosk_id = id;
    options.host = "127.0.0.1";
    options.port = port;
    options.ca = tls.ca;
    options.certificate = tls.certificate;
    options.private_key = tls.private_key;
    auto created = SyncClient::create(io, *sync, options, std::move(hooks), std::move(log));
    if (!created) throw std::runtime_error(id + ": " + created.error());
    client = std::move(*created);
    client->start();
  }

  std::int64_t admissions() {
    return replica->db()
        .connection()
        .execAndGet("SELECT count(*) FROM admission_events")
        .getInt64();
  }

  std::string id;
  TlsFiles tls;
  SystemClock clock;
  std::unique_ptr<Replica> replica;
  std::unique_ptr<ReplicaSync> sync;
  std::unique_ptr<SyncClient> client;
};

// Runs `io` until it runs out of work or `limit` passes.
void run_until_idle(asio::io_context& io, std::chrono::seconds limit) {
  io.restart();
  const auto end = Stopwatch::now() + limit;
  while (!io.stopped() && Stopwatch::now() < end) io.run_for(std::chrono::milliseconds(50));
}

std::vector<AttendeeRecord> records_like_server(int attendees) {
  std::vector<AttendeeRecord> records;
  for (int i = 1; i <= attendees; ++i)
    records.push_back({static_cast<TicketId>(i), "Teilnehmerin Nummer " + std::to_string(i),
                       "Landesverwaltung Sachsen-Anhalt, Referat " + std::to_string(i % 97),
                       static_cast<CategoryCode>(1 + i % 4), 0b11, AttendeeStatus::active});
  return records;
}

}  // namespace

SnapshotRun snapshot_to_fresh_kiosk(int attendees) {
  test::TempDir dir;
  Authority authority(dir / "tls");
  Database db = make_server_database(dir / "event.db", attendees);
  ServerThread server(db, authority.server());
  Kiosk kiosk(dir.path(), "S1", authority);

  SnapshotRun run;
  asio::io_context io;
  const auto start = Stopwatch::now();
  kiosk.connect(io, server.port(), {}, [&](std::string_view line) {
    if (run.completed || line.find("received a snapshot") == std::string_view::npos) return;
    run.seconds = seconds_since(start);
    run.completed = true;
    asio::post(io, [&] { kiosk.client->stop(); });
  });
  run_until_idle(io, std::chrono::seconds(120));
  if (!run.completed) kiosk.client->stop();
  run_until_idle(io, std::chrono::seconds(5));
  kiosk.client.reset();  // before the io_context it was made with
  server.stop();
  auto count = AttendeeRepository(kiosk.replica->db(), kiosk.clock).count();
  run.attendees_in_replica = count ? *count : -1;

  // Reference: the same records stored into a fresh replica directly, in one transaction.
  Kiosk local(dir.path(), "S2", authority);
  const auto records = records_like_server(attendees);
  const auto local_start = Stopwatch::now();
  if (auto put = AttendeeRepository(local.replica->db(), local.clock).put_records(records); !put)
    throw std::runtime_error("put_records: " + put.error().message);
  run.local_put_seconds = seconds_since(local_start);
  return run;
}

ReconvergeRun reconverge(int kiosks, int offline, int attendees) {
  test::TempDir dir;
  Authority authority(dir / "tls");
  Database db = make_server_database(dir / "event.db", attendees);
  ServerThread server(db, authority.server());
  std::vector<std::unique_ptr<Kiosk>> fleet;
  for (int k = 1; k <= kiosks; ++k)
    fleet.push_back(std::make_unique<Kiosk>(dir.path(), kiosk_name(k), authority));
  asio::io_context io;

  // Online once: every kiosk has its snapshot and a cursor.
  int snapshots = 0;
  for (auto& kiosk : fleet)
    kiosk->connect(io, server.port(), {}, [&](std::string_view line) {
      if (line.find("received a snapshot") == std::string_view::npos) return;
      if (++snapshots == kiosks)
        asio::post(io, [&] {
          for (auto& k : fleet) k->client->stop();
        });
    });
  run_until_idle(io, std::chrono::seconds(120));
  if (snapshots != kiosks) throw std::runtime_error("reconvergence: not every kiosk synced first");
  for (auto& kiosk : fleet) kiosk->client.reset();

  // Offline: each admits `offline` tickets of its own, committed as the desk commits them.
  ReconvergeRun run;
  run.expected = static_cast<std::int64_t>(kiosks) * offline;
  const auto setup = Stopwatch::now();
  for (int k = 1; k <= kiosks; ++k) {
    auto& kiosk = *fleet[static_cast<std::size_t>(k - 1)];
    PrintJobRepository jobs(kiosk.replica->db(), kiosk.clock);
    for (int i = 1; i <= offline; ++i) {
      const auto event =
          bench_admission(kiosk.id, static_cast<std::uint64_t>(i),
                          static_cast<std::uint32_t>((k - 1) * offline + i), 60'000 + k);
      if (auto committed = jobs.commit_admission(event); !committed)
        throw std::runtime_error("commit: " + committed.error().message);
    }
  }
  run.setup_seconds = seconds_since(setup);

  // Together again.
  std::vector<bool> knows_all(fleet.size(), false);
  int complete = 0;
  const auto start = Stopwatch::now();
  for (std::size_t i = 0; i < fleet.size(); ++i) {
    SyncClientHooks hooks;
    hooks.received = [&, i](const ClientStep& step) {
      if (!step.replica_changed || knows_all[i]) return;
      if (fleet[i]->admissions() < run.expected) return;
      knows_all[i] = true;
      if (++complete < kiosks) return;
      run.seconds = seconds_since(start);
      run.completed = true;
      asio::post(io, [&] {
        for (auto& k : fleet) k->client->stop();
      });
    };
    fleet[i]->connect(io, server.port(), std::move(hooks), {});
  }
  run_until_idle(io, std::chrono::seconds(120));
  if (!run.completed) {
    run.seconds = seconds_since(start);
    for (auto& kiosk : fleet) kiosk->client->stop();
    run_until_idle(io, std::chrono::seconds(5));
  }
  for (auto& kiosk : fleet) kiosk->client.reset();  // before the io_context they were made with
  server.stop();
  run.fewest_known = run.expected;
  for (auto& kiosk : fleet) run.fewest_known = std::min(run.fewest_known, kiosk->admissions());
  return run;
}

}  // namespace einlass::bench
