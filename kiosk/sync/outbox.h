#pragma once
// The kiosk's own admission events on their way to the server. The replica is the outbox: an
// event is sent until the server acknowledges it, and the acknowledged mark is kept in the
// replica, so a restart resends only what was not acknowledged (repeats are harmless: the
// server stores each event once).
#include <cstdint>
#include <map>
#include <string>

#include "base/time.h"
#include "storage/database.h"
#include "sync/messages.h"
#include "sync/replica_sync_error.h"

namespace einlass {

class Outbox {
 public:
  Outbox(Database& db, std::string kiosk_id, const Clock& clock)
      : db_(db), kiosk_id_(std::move(kiosk_id)), clock_(clock) {}

  // The next batch: own events above both the acknowledged mark and `after_seq`, oldest first,
  // at most kMaxPushEvents. Passing the last sequence number already sent lets the client send
  // the next batch before the previous one is acknowledged. Empty when nothing is left.
  StorageResult<Push> next_push(std::uint64_t after_seq = 0);

  // Raises the acknowledged mark to ack.last_seq when the range connects to it (no unacknowledged
  // own event lies between the mark and ack.first_seq). A range that does not connect yet is
  // kept in memory until the ranges before it arrive. Never lowers the mark. Returns the mark.
  // Refused (protocol): an ack for another kiosk, an empty range, or one beyond the events held.
  ReplicaSyncResult<std::uint64_t> acknowledge(const Ack& ack);

  // Own events the server has not acknowledged (for the heartbeat and the health screen).
  StorageResult<std::uint64_t> unsynced();
  StorageResult<std::uint64_t> acknowledged();

 private:
  Database& db_;
  std::string kiosk_id_;
  const Clock& clock_;
  std::map<std::uint64_t, std::uint64_t> waiting_;  // first_seq -> last_seq, not yet connected
};

}  // namespace einlass
