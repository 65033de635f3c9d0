#pragma once
// Writes on the replica's tables that the storage repositories do not offer: removing attendees
// the server purged, replacing and withdrawing revocations, and emptying tables that a snapshot
// replaces. They belong in AttendeeRepository, RevocationRepository and StaffCardRepository and
// live here only until they move there. Each runs inside the caller's Transaction.
#include <cstddef>
#include <span>

#include "eventlog/revocation.h"
#include "storage/database.h"
#include "ticket/ticket.h"

namespace einlass::replica_tables {

// How many of the tickets were there.
StorageResult<std::size_t> remove_attendees(Database& db, std::span<const TicketId> tickets);
StorageResult<void> clear_attendees(Database& db);

// Stores or replaces (time and reason as the server has them now).
StorageResult<void> put_revocations(Database& db, std::span<const Revocation> revocations);
// How many of the tickets were revoked.
StorageResult<std::size_t> withdraw_revocations(Database& db, std::span<const TicketId> tickets);
StorageResult<void> clear_revocations(Database& db);

StorageResult<void> clear_revoked_staff_cards(Database& db);

}  // namespace einlass::replica_tables
