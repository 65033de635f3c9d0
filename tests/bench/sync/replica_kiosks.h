#pragma once
// Measures through the kiosk's real sync stack: SyncClient and ReplicaSync on replica files,
// against einlass-server's endpoint running in this process.
#include <cstdint>

namespace einlass::bench {

struct SnapshotRun {
  double seconds = 0;  // SyncClient::start() to the whole snapshot applied
  std::int64_t attendees_in_replica = 0;
  double local_put_seconds = 0;  // reference: the same records put into a replica directly
  bool completed = false;
};

// A fresh kiosk (a replica holding only the event, empty cursor) joins a server with `attendees`.
SnapshotRun snapshot_to_fresh_kiosk(int attendees);

struct ReconvergeRun {
  double seconds = 0;             // all clients started to every replica holding every admission
  std::int64_t fewest_known = 0;  // the least any replica knew at the end
  std::int64_t expected = 0;
  double setup_seconds = 0;  // the offline admissions committed (not timed in `seconds`)
  bool completed = false;
};

// `kiosks` kiosks synced once, then offline while each commits `offline` admissions, reconnect
// together.
ReconvergeRun reconverge(int kiosks, int offline, int attendees);

}  // namespace einlass::bench
