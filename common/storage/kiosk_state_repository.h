#pragma once
// A kiosk's own counters, kept in its replica so that they survive restarts: the next sequence
// number for its admission events, the last hybrid logical clock stamp it issued or saw, and
// the sync cursor of its last pull from the server.
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
  StorageResult<StaffPinLock> staff_pin_lock();
  StorageResult<void> set_staff_pin_lock(const StaffPinLock& lock);
  // Empty until the first pull.
  StorageResult<std::string> sync_cursor();
  StorageResult<void> set_sync_cursor(std::string_view cursor);

 private:
  Database& db_;
};

}  // namespace einlass
