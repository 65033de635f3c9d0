#pragma once
// Ingest: simulated kiosks pushing admissions over TLS as fast as the server acknowledges them,
// against a raw SQLite batched insert of the same rows; plus the same events stored without the
// network and without fan-out, so the time can be attributed.
#include <cstdint>
#include <string>

namespace einlass::bench {

struct IngestSizes {
  int kiosks = 100;
  int events_per_kiosk = 2000;
  int attendees = 50000;
};

struct IngestRun {
  double seconds = 0;  // from every kiosk being ready to the last ack
  std::int64_t stored = 0;
  std::int64_t expected = 0;
  std::size_t failed_kiosks = 0;
  std::string first_failure;
  double per_second() const { return seconds > 0 ? static_cast<double>(stored) / seconds : 0; }
};

// `fan_out`: the kiosks pull first, so the server sends each of them everybody else's admissions
// as they arrive (as real kiosks do); without, nobody subscribes and only storing is measured.
IngestRun ingest_over_tls(const IngestSizes& sizes, bool fan_out);
// The same pushes handed to SyncHub::push directly: no TLS, no JSON, no fan-out.
IngestRun ingest_through_hub(const IngestSizes& sizes);
// What one fan-out round costs the server: `batches` pushes of 500 stored through the hub, then
// every kiosk's catch_up from the cursor before them, encoded as frames (as on_changes does).
struct FanOutRound {
  std::int64_t events = 0;
  double store_seconds = 0;
  double fan_out_seconds = 0;  // all kiosks together
  std::size_t bytes = 0;       // frames encoded for all kiosks
  bool snapshot = false;       // catch_up answered with a snapshot instead of changes
};
FanOutRound fan_out_round(const IngestSizes& sizes, int batches);
// parse_push of the same frames alone (events per second).
double push_parse_rate(const IngestSizes& sizes);
// Raw SQLite: the same rows into a table like admission_events (same columns and indexes, no
// sync_log trigger), WAL, synchronous=FULL, 500 rows per transaction, one prepared statement.
IngestRun raw_batched_insert(const IngestSizes& sizes);

}  // namespace einlass::bench
