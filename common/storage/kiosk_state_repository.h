#pragma once
// A kiosk's own counters, kept in its replica so that they survive restarts: the next sequence
// number for its admission events, the last hybrid logical clock stamp it issued or saw, the
// sync cursor of its last pull from the server, how far the server acknowledged its own events
// and the last server command it carried out.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/time.h"
#include "eventlog/admission_event.h"
#include "storage/database.h"

namespace einlass {

// Wrong staff PINs in a row and the lock they caused, kept so that a restart (or pulling the
// plug) does not hand out fresh attempts.
struct StaffPinLock {
  int failures = 0;
  std::optional<Timestamp> locked_until;
  bool operator==(const StaffPinLock&) const = default;
};

class KioskStateRepository {
 public:
  explicit KioskStateRepository(Database& db) : db_(db) {}

  // 1 on a fresh replica; advanced by PrintJobRepository::commit_admission in the same
  // transaction as the event, so a crash can never hand out a sequence number twice.
  StorageResult<std::uint64_t> next_sequence();
  // {} on a fresh replica; raised by commit_admission and observe_hlc, never lowered.
  StorageResult<Hlc> last_hlc();
  // Keeps the larger of the stored stamp and `seen` (e.g. from events received from others).
  StorageResult<void> observe_hlc(Hlc seen);
  // Binds the replica to `kiosk_id` (refused with Kind::constraint when it belongs to another
  // kiosk) and moves the counters past every event of that kiosk it holds, so a kiosk provisioned
  // again after losing its replica never reuses a sequence number the server may have.
  StorageResult<void> claim(std::string_view kiosk_id);
  // The kiosk claim() bound the replica to; nullopt before the first claim.
  StorageResult<std::optional<std::string>> kiosk_id();
  // Keeps the larger of the stored next sequence number and `next`: for own events the replica
  // learns from the server (a kiosk provisioned again), so a restart never reuses their numbers.
  StorageResult<void> raise_next_sequence(std::uint64_t next);
  StorageResult<StaffPinLock> staff_pin_lock();
  StorageResult<void> set_staff_pin_lock(const StaffPinLock& lock);
  // Empty until the first pull.
  StorageResult<std::string> sync_cursor();
  StorageResult<void> set_sync_cursor(std::string_view cursor);
  // The highest own sequence number the server acknowledged (every own event up to it is
  // stored there); 0 until the first acknowledgement. Raising never lowers it; true if raised.
  StorageResult<std::uint64_t> acked_sequence();
  StorageResult<bool> raise_acked_sequence(std::uint64_t seq);
  // The highest server command id carried out; 0 before the first. Never lowered, so a command
  // the server repeats after a restart is recognised and not carried out twice.
  StorageResult<std::uint64_t> last_command();
  StorageResult<void> set_last_command(std::uint64_t id);

 private:
  Database& db_;
};

}  // namespace einlass
