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
// parse_push of the same frames alone (events per second).
double push_parse_rate(const IngestSizes& sizes);
// Raw SQLite: the same rows into a table like admission_events (same columns and indexes, no
// sync_log trigger), WAL, synchronous=FULL, 500 rows per transaction, one prepared statement.
IngestRun raw_batched_insert(const IngestSizes& sizes);

}  // namespace einlass::bench
