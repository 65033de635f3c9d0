#pragma once
// Revoked tickets. The server records them; kiosks receive the same rows through sync and apply
// them offline.
#include <string_view>
#include <vector>

#include "base/time.h"
#include "eventlog/revocation.h"
#include "storage/database.h"
#include "ticket/ticket.h"

namespace einlass {

class RevocationRepository {
 public:
  explicit RevocationRepository(Database& db) : db_(db) {}

  // Idempotent: revoking a revoked ticket keeps the first time and reason and returns false;
  // true when the ticket was newly revoked.
  StorageResult<bool> revoke(TicketId id, Timestamp at, std::string_view reason);
  StorageResult<bool> is_revoked(TicketId id);
  StorageResult<std::vector<Revocation>> all();  // by ticket id

 private:
  Database& db_;
};

}  // namespace einlass
