#pragma once
// Revoked tickets. The server records them; kiosks receive the same rows through sync and apply
// them offline.
#include <cstddef>
#include <span>
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

  // Kiosk. Stores revocations the server sent, replacing time and reason of known ones with the
  // server's (unlike revoke, which keeps the first: the server's word is the current one), in
  // one transaction.
  StorageResult<void> put(std::span<const Revocation> revocations);
  // Both kinds. Takes revocations back, in one transaction; returns how many of the tickets were
  // revoked (the others are no error: sync may replay). On the server, sync hears of it.
  StorageResult<std::size_t> withdraw(std::span<const TicketId> tickets);
  // Kiosk. Deletes every revocation, before a snapshot stores the whole list again.
  StorageResult<void> clear();

 private:
  Database& db_;
};

}  // namespace einlass
