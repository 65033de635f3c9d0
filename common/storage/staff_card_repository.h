#pragma once
// Staff cards. The server records every card it issued (id, holder, key, time) and which are
// revoked; a kiosk holds only the ids of revoked cards, received through provisioning or sync,
// since a valid card carries everything else a kiosk checks.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "staffcard/staff_card.h"
#include "storage/database.h"
#include "storage/storage_error.h"
#include "ticket/ticket.h"

namespace einlass {

struct StaffCardRecord {
  StaffCardId id = 0;
  std::string staff_name;
  KeyId key_id = 0;  // the key that signed the card
  Timestamp issued_at{};
  std::optional<Timestamp> revoked_at;
  std::string revoke_reason;
  bool revoked() const { return revoked_at.has_value(); }
  bool operator==(const StaffCardRecord&) const = default;
};

struct RevokedStaffCard {
  StaffCardId id = 0;
  Timestamp revoked_at{};
  bool operator==(const RevokedStaffCard&) const = default;
};

enum class StaffCardRevocation { revoked, already_revoked, no_such_card };

class StaffCardRepository {
 public:
  explicit StaffCardRepository(Database& db) : db_(db) {}

  // Server. Records a new card and returns its id: one above every id ever issued, so a revoked
  // card's id never comes back on a new card.
  StorageResult<StaffCardId> add(std::string_view staff_name, KeyId key, Timestamp issued_at);
  // Server. Idempotent: a card revoked before keeps its first time and reason.
  StorageResult<StaffCardRevocation> revoke(StaffCardId id, Timestamp at, std::string_view reason);
  // Server.
  StorageResult<std::optional<StaffCardRecord>> find(StaffCardId id);
  // Server. Every card ever issued, by id.
  StorageResult<std::vector<StaffCardRecord>> all();

  // Kiosk. Records a revocation the server sent; true when it is new. Repeating one keeps the
  // first time (sync may replay).
  StorageResult<bool> put_revoked(StaffCardId id, Timestamp at);
  // Kiosk. Forgets every revoked card, before a snapshot stores the whole list again.
  StorageResult<void> clear_revoked();

  // Both kinds. What a kiosk asks when a card is shown.
  StorageResult<bool> is_revoked(StaffCardId id);
  // Both kinds, by id: on the server what provisioning copies into a replica.
  StorageResult<std::vector<RevokedStaffCard>> revoked();

 private:
  Database& db_;
};

}  // namespace einlass
