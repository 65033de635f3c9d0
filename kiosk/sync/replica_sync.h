#pragma once
// The kiosk's side of sync as logic over its replica, without sockets: the network client calls
// it from the kiosk's one io_context thread (the same thread that decides, since the replica
// and its Database are not shared between threads). Each received message is applied in one
// transaction together with the cursor after it, so a kiosk killed at any moment holds either
// the message and its cursor or neither, and simply pulls it again.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/time.h"
#include "core/replica.h"
#include "sync/messages.h"
#include "sync/outbox.h"
#include "sync/replica_sync_error.h"
#include "sync/snapshot_staging.h"

namespace einlass {

// What one message did, for the log.
struct ApplySummary {
  bool snapshot = false;
  std::size_t attendees = 0;  // stored or replaced
  std::size_t removed_attendees = 0;
  std::size_t revocations = 0;  // stored or replaced
  std::size_t withdrawn_revocations = 0;
  std::size_t admissions_added = 0;
  std::size_t admissions_known = 0;
  // Known key, different content (a kiosk reused a sequence number): skipped, so one bad event
  // does not make the message fail for ever. The server flags such events itself.
  std::vector<EventKey> admissions_conflicting;
  bool config_changed = false;  // the event and keys were replaced; the replica reloaded them
  // The newest clock stamp among the received admissions; the desk's clock should observe it.
  std::optional<Hlc> highest_hlc;
  // The replica's next own sequence number moved up because the server sent own events it did
  // not hold (a kiosk provisioned again): an open AdmissionDesk must be opened again.
  bool next_sequence_raised = false;
  std::string cursor;  // the cursor stored with the message (unchanged if it carried none)
};

class ReplicaSync {
 public:
  // `kiosk_id` is this kiosk's (the entrance's); the clock stamps when events were received.
  ReplicaSync(Replica& replica, std::string kiosk_id, const Clock& clock);

  Outbox& outbox() { return outbox_; }

  // Where the next pull starts; empty on a fresh replica.
  StorageResult<std::string> cursor();

  // One `changes` message: attendees stored or replaced, removed ones deleted, revocations put
  // and withdrawn, admissions added, the config (event, the trusted keys as the given set, revoked
  // staff cards added) and the cursor, all in one transaction. Refused while a snapshot is being
  // received (the server finishes one before it sends changes).
  ReplicaSyncResult<ApplySummary> apply(const Changes& changes);

  // One part of a `snapshot`. Parts are kept until the last (more == false), then applied at
  // once in one transaction: attendees, revocations, keys, revoked staff cards and the event
  // become the snapshot's; its admissions are added (none is ever removed); the cursor is set.
  // nullopt while parts are still to come.
  ReplicaSyncResult<std::optional<ApplySummary>> apply_snapshot_part(Changes part);
  // Drops the parts of a snapshot cut short (call on every disconnect).
  void reset_snapshot() { staging_.reset(); }
  bool snapshot_in_progress() const { return staging_.in_progress(); }

  // Keeps the admissions a refused claim carried (repeats are harmless), so the kiosk's own rules
  // then refuse the ticket as already admitted, naming the kiosk and time.
  ReplicaSyncResult<ApplySummary> store_admissions(std::span<const AdmissionEvent> admissions);

  // The highest server command id carried out (0 before any); setting never lowers it.
  StorageResult<std::uint64_t> last_command();
  StorageResult<void> set_last_command(std::uint64_t id);

 private:
  Replica& replica_;
  std::string kiosk_id_;
  const Clock& clock_;
  Outbox outbox_;
  SnapshotStaging staging_;
};

}  // namespace einlass
