#include "sync/outbox.h"

#include <algorithm>

#include "storage/admission_log.h"
#include "storage/kiosk_state_repository.h"

namespace einlass {

namespace {

using Kind = ReplicaSyncError::Kind;

std::string describe(const Ack& ack) {
  return "ack of " + ack.kiosk_id + "#" + std::to_string(ack.first_seq) + ".." +
         std::to_string(ack.last_seq);
}

}  // namespace

StorageResult<Push> Outbox::next_push(std::uint64_t after_seq) {
  auto acked = KioskStateRepository(db_).acked_sequence();
  if (!acked) return std::unexpected(acked.error());
  auto events = AdmissionLog(db_, clock_)
                    .events_of_kiosk_after(kiosk_id_, std::max(*acked, after_seq), kMaxPushEvents);
  if (!events) return std::unexpected(events.error());
  return Push{std::move(*events)};
}

ReplicaSyncResult<std::uint64_t> Outbox::acknowledge(const Ack& ack) {
  if (ack.kiosk_id != kiosk_id_)
    return replica_sync_error(Kind::protocol, describe(ack) + ": this kiosk is " + kiosk_id_);
  if (ack.first_seq == 0 || ack.first_seq > ack.last_seq)
    return replica_sync_error(Kind::protocol, describe(ack) + ": not a range of events");
  AdmissionLog log(db_, clock_);
  auto highest = log.highest_seq_of_kiosk(kiosk_id_);
  if (!highest) return replica_sync_error(highest.error());
  // Taking it would mark events as stored that this kiosk has not even written yet.
  if (ack.last_seq > *highest)
    return replica_sync_error(
        Kind::protocol,
        describe(ack) + ": this kiosk holds its events only up to #" + std::to_string(*highest));
  KioskStateRepository state(db_);
  auto stored = state.acked_sequence();
  if (!stored) return replica_sync_error(stored.error());
  std::uint64_t mark = *stored;
  auto& waiting_last = waiting_[ack.first_seq];
  waiting_last = std::max(waiting_last, ack.last_seq);
  while (!waiting_.empty()) {
    const auto [first, last] = *waiting_.begin();
    if (last <= mark) {
      waiting_.erase(waiting_.begin());
      continue;
    }
    // Sequence numbers may have gaps (a commit that failed used none, a kiosk provisioned again
    // skips ahead): the range connects if no own event lies between the mark and its start.
    auto next = log.events_of_kiosk_after(kiosk_id_, mark, 1);
    if (!next) return replica_sync_error(next.error());
    if (!next->empty() && first > next->front().key.seq) break;
    mark = last;
    waiting_.erase(waiting_.begin());
  }
  if (mark > *stored) {
    if (auto raised = state.raise_acked_sequence(mark); !raised)
      return replica_sync_error(raised.error());
  }
  return mark;
}

StorageResult<std::uint64_t> Outbox::unsynced() {
  auto acked = KioskStateRepository(db_).acked_sequence();
  if (!acked) return std::unexpected(acked.error());
  return AdmissionLog(db_, clock_).count_of_kiosk_after(kiosk_id_, *acked);
}

StorageResult<std::uint64_t> Outbox::acknowledged() {
  return KioskStateRepository(db_).acked_sequence();
}

}  // namespace einlass
