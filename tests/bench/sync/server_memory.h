#pragma once
// The memory of a real einlass-server process (its own /proc/PID/status, so the simulated
// kiosks in this process do not count) with many kiosks connected.
#include <string>

#include "venue.h"

namespace einlass::bench {

struct ServerMemoryRun {
  Memory idle;                   // started, database open, no kiosk yet (the reference)
  Memory connected;              // every kiosk connected and heartbeating for a while
  Memory after_snapshots;        // then as many fresh kiosks, each taking a whole snapshot at once
  double snapshots_seconds = 0;  // until the last of them had its snapshot
  std::size_t kiosks_ready = 0;
  std::size_t fresh_ready = 0;
  std::string failure;
};

ServerMemoryRun server_memory(const std::string& server_binary, int kiosks, int attendees,
                              std::chrono::seconds heartbeating);

}  // namespace einlass::bench
