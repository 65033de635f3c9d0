// Sync benchmarks (issue 4, part 5), each against a reference measured in the same run where one
// makes sense:
//  1. ingest: simulated kiosks over TLS pushing admissions as fast as they are acknowledged,
//     against a raw SQLite batched insert of the same rows (plus rows that attribute the time);
//  2. a 50,000-attendee snapshot to a fresh kiosk through SyncClient and ReplicaSync;
//  3. reconvergence of 10 kiosks with 500 offline admissions each;
//  4. the memory of a real einlass-server process with 100 kiosks connected.
// Prints a table; asserts nothing about speed. --quick: tiny sizes, for ctest.
// --only ingest|hub|snapshot|reconverge|memory runs one part (for profiling); --server-log FILE
// keeps the log of the in-process servers.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "ingest.h"
#include "replica_kiosks.h"
#include "server_memory.h"
#include "venue.h"

namespace {

using namespace einlass;
using namespace einlass::bench;

struct Sizes {
  IngestSizes ingest;
  int snapshot_attendees = 50000;
  int reconverge_kiosks = 10;
  int reconverge_offline = 500;
  int reconverge_attendees = 5000;
  int memory_kiosks = 100;
  int memory_attendees = 50000;
  std::chrono::seconds heartbeating{5};
};

Sizes quick_sizes() {
  Sizes s;
  s.ingest = {5, 1000, 1000};
  s.snapshot_attendees = 1000;
  s.reconverge_kiosks = 3;
  s.reconverge_offline = 20;
  s.reconverge_attendees = 100;
  s.memory_kiosks = 5;
  s.memory_attendees = 1000;
  s.heartbeating = std::chrono::seconds(1);
  return s;
}

struct Row {
  std::string what;
  std::string figure;
  std::string reference;
  std::string ratio;
  std::string target;
  std::string met;
};

std::string format(const char* pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

std::string mib(long kib) {
  return kib < 0 ? "?" : format("%.1f MiB", static_cast<double>(kib) / 1024);
}

void print(const std::vector<Row>& rows) {
  std::printf("\n%-58s %16s %16s %8s %10s %s\n", "what", "figure", "reference", "ratio", "target",
              "met?");
  for (const auto& r : rows)
    std::printf("%-58s %16s %16s %8s %10s %s\n", r.what.c_str(), r.figure.c_str(),
                r.reference.c_str(), r.ratio.c_str(), r.target.c_str(), r.met.c_str());
}

void ingest(const Sizes& sizes, std::vector<Row>& rows, bool& complete) {
  const auto& s = sizes.ingest;
  // The reference before and after (the disk is shared and its fsyncs vary): the faster counts,
  // so the ratio errs against us.
  const auto raw_before = raw_batched_insert(s);
  const auto tls = ingest_over_tls(s, true);
  const auto no_fan_out = ingest_over_tls(s, false);
  const auto hub = ingest_through_hub(s);
  const double parse = push_parse_rate(s);
  const auto raw_after = raw_batched_insert(s);
  const auto& raw = raw_before.seconds < raw_after.seconds ? raw_before : raw_after;
  const double ratio = tls.per_second() / raw.per_second();
  std::printf(
      "ingest: %d kiosks x %d events (%d attendees): %lld of %lld stored in %.2f s "
      "(%zu kiosks failed%s%s)\n",
      s.kiosks, s.events_per_kiosk, s.attendees, static_cast<long long>(tls.stored),
      static_cast<long long>(tls.expected), tls.seconds, tls.failed_kiosks,
      tls.first_failure.empty() ? "" : ": ", tls.first_failure.c_str());
  std::printf(
      "  without fan-out: %lld stored in %.2f s; SyncHub::push alone: %.2f s; "
      "raw SQLite: %.2f s before, %.2f s after\n",
      static_cast<long long>(no_fan_out.stored), no_fan_out.seconds, hub.seconds,
      raw_before.seconds, raw_after.seconds);
  const int round_batches = std::max(1, s.kiosks / 10);
  const auto round = fan_out_round(s, round_batches);
  std::printf(
      "  one fan-out round: %lld events from %d kiosks stored in %.3f s; the changes for all %d "
      "kiosks (one read, shared frames): %.3f s, %.1f MiB to send%s\n",
      static_cast<long long>(round.events), round_batches, round.store_seconds, s.kiosks,
      round.fan_out_seconds, static_cast<double>(round.bytes) / (1 << 20),
      round.snapshot ? " (SNAPSHOTS)" : "");
  complete = complete && tls.stored == tls.expected && no_fan_out.stored == no_fan_out.expected &&
             hub.stored == hub.expected && raw_before.stored == raw_before.expected &&
             raw_after.stored == raw_after.expected;
  const std::string label = std::to_string(s.kiosks) + " kiosks";
  // The figure: kiosks pushing as fast as they are acknowledged, events stored per
  // second. With every kiosk also receiving every other's admissions the server sends each event
  // a hundred times; that is reported beside it, as what it costs on this machine.
  const double pushing = no_fan_out.per_second() / raw.per_second();
  rows.push_back({"ingest, " + label + " over TLS pushing (events/s stored)",
                  format("%.0f/s", no_fan_out.per_second()), format("%.0f/s", raw.per_second()),
                  format("%.2f", pushing), ">= 0.5", pushing >= 0.5 ? "yes" : "NO"});
  rows.push_back({"  the same, each kiosk also receiving all admissions (x" +
                      std::to_string(s.kiosks) + " fan-out)",
                  format("%.0f/s", tls.per_second()), format("%.0f/s", raw.per_second()),
                  format("%.2f", ratio), "", ""});
  rows.push_back({"  diagnosis: SyncHub::push direct (no TLS/JSON/fan-out)",
                  format("%.0f/s", hub.per_second()), format("%.0f/s", raw.per_second()),
                  format("%.2f", hub.per_second() / raw.per_second()), "", ""});
  rows.push_back(
      {"  diagnosis: fan-out round, stored then sent to " + label + " (ev/s)",
       format("%.0f/s",
              static_cast<double>(round.events) / (round.store_seconds + round.fan_out_seconds)),
       format("%.0f/s", static_cast<double>(round.events) / round.store_seconds),
       format("%.2f", round.store_seconds / (round.store_seconds + round.fan_out_seconds)), "",
       ""});
  rows.push_back({"  diagnosis: parse_push alone (events/s)", format("%.0f/s", parse),
                  format("%.0f/s", raw.per_second()), format("%.2f", parse / raw.per_second()), "",
                  ""});
}

void snapshot(const Sizes& sizes, std::vector<Row>& rows, bool& complete) {
  const auto run = snapshot_to_fresh_kiosk(sizes.snapshot_attendees);
  std::printf("snapshot: %d attendees; the replica holds %lld after %.2f s%s\n",
              sizes.snapshot_attendees, static_cast<long long>(run.attendees_in_replica),
              run.seconds, run.completed ? "" : " (NOT completed)");
  complete = complete && run.completed && run.attendees_in_replica == sizes.snapshot_attendees;
  rows.push_back({"snapshot of " + std::to_string(sizes.snapshot_attendees) +
                      " attendees to a fresh kiosk (s)",
                  format("%.2f s", run.seconds), format("%.2f s", run.local_put_seconds),
                  format("%.1f", run.seconds / run.local_put_seconds), "< 3 s",
                  run.completed && run.seconds < 3 ? "yes" : "NO"});
}

void reconverge(const Sizes& sizes, std::vector<Row>& rows, bool& complete) {
  const auto run = bench::reconverge(sizes.reconverge_kiosks, sizes.reconverge_offline,
                                     sizes.reconverge_attendees);
  std::printf(
      "reconvergence: %d kiosks x %d offline admissions (committed in %.1f s): every "
      "replica knew all %lld after %.2f s (fewest known %lld)%s\n",
      sizes.reconverge_kiosks, sizes.reconverge_offline, run.setup_seconds,
      static_cast<long long>(run.expected), run.seconds, static_cast<long long>(run.fewest_known),
      run.completed ? "" : " (NOT completed)");
  complete = complete && run.completed && run.fewest_known == run.expected;
  rows.push_back({"reconvergence, " + std::to_string(sizes.reconverge_kiosks) + " kiosks x " +
                      std::to_string(sizes.reconverge_offline) + " offline (s)",
                  format("%.2f s", run.seconds), "-", "-", "< 2 s",
                  run.completed && run.seconds < 2 ? "yes" : "NO"});
}

void memory(const Sizes& sizes, std::vector<Row>& rows, bool& complete) {
  const auto run = server_memory(EINLASS_SERVER_BINARY, sizes.memory_kiosks, sizes.memory_attendees,
                                 sizes.heartbeating);
  std::printf(
      "server memory: %d attendees; idle VmRSS %s; %zu kiosks connected, heartbeating "
      "%llds: VmRSS %s, VmHWM %s; then %zu fresh kiosks took a snapshot each in %.1f s: "
      "VmRSS %s, VmHWM %s%s%s\n",
      sizes.memory_attendees, mib(run.idle.rss_kib).c_str(), run.kiosks_ready,
      static_cast<long long>(sizes.heartbeating.count()), mib(run.connected.rss_kib).c_str(),
      mib(run.connected.hwm_kib).c_str(), run.fresh_ready, run.snapshots_seconds,
      mib(run.after_snapshots.rss_kib).c_str(), mib(run.after_snapshots.hwm_kib).c_str(),
      run.failure.empty() ? "" : "; failure: ", run.failure.c_str());
  const auto n = static_cast<std::size_t>(sizes.memory_kiosks);
  complete = complete && run.kiosks_ready == n && run.fresh_ready == n;
  const auto ratio = [&](long kib) {
    return run.idle.rss_kib > 0 && kib > 0
               ? format("%.1f", static_cast<double>(kib) / static_cast<double>(run.idle.rss_kib))
               : std::string("?");
  };
  const std::string label = std::to_string(sizes.memory_kiosks) + " kiosks, " +
                            std::to_string(sizes.memory_attendees) + " attendees";
  rows.push_back({"server VmHWM, " + label + " connected", mib(run.connected.hwm_kib),
                  mib(run.idle.rss_kib) + " idle", ratio(run.connected.hwm_kib), "-", "-"});
  rows.push_back({"server VmHWM, then " + std::to_string(sizes.memory_kiosks) +
                      " fresh kiosks' snapshots at once",
                  mib(run.after_snapshots.hwm_kib), mib(run.idle.rss_kib) + " idle",
                  ratio(run.after_snapshots.hwm_kib), "-", "-"});
  rows.push_back({"  time until all " + std::to_string(sizes.memory_kiosks) +
                      " fresh kiosks had their snapshot (s)",
                  format("%.1f s", run.snapshots_seconds), "-", "-", "-", "-"});
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false;
  std::optional<std::string> only;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) quick = true;
    if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) only = argv[++i];
    if (std::strcmp(argv[i], "--server-log") == 0 && i + 1 < argc)
      server_log_file() = std::fopen(argv[++i], "w");
  }
  const Sizes sizes = quick ? quick_sizes() : Sizes{};
  std::printf("Einlass sync benchmarks (%s run)\n", quick ? "quick" : "full");
  std::vector<Row> rows;
  bool complete = true;
  try {
    if (!only || *only == "ingest") ingest(sizes, rows, complete);
    if (only && *only == "hub") {  // the storing alone, for a profiler
      const auto hub = ingest_through_hub(sizes.ingest);
      std::printf("SyncHub::push: %lld events in %.2f s\n", static_cast<long long>(hub.stored),
                  hub.seconds);
    }
    if (!only || *only == "snapshot") snapshot(sizes, rows, complete);
    if (!only || *only == "reconverge") reconverge(sizes, rows, complete);
    if (!only || *only == "memory") memory(sizes, rows, complete);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_sync: %s\n", e.what());
    return 1;
  }
  print(rows);
  std::printf(
      "\n(ingest reference: raw SQLite, same rows and columns and indexes as admission_events, "
      "no sync_log trigger,\n WAL, synchronous=FULL, 500 rows per transaction, one prepared "
      "statement; snapshot reference: the same\n records put into a replica directly)\n");
  // Figures of a run that lost events or kiosks mean nothing: fail, so ctest notices.
  if (!complete) {
    std::fprintf(stderr, "bench_sync: a run did not complete (see above)\n");
    return 1;
  }
  return 0;
}
