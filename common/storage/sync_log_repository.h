#pragma once
// The server's sync log (schema v3): one row per change a kiosk must learn, written by triggers in
// commit order whichever process made the change. Its ids are the pull cursor; its growth is how
// the running server notices what einlass-admin changed beside it. Read here together with the
// current state of each row's subject, so that a catch-up is one query.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "event/attendee.h"
#include "eventlog/admission_event.h"
#include "eventlog/revocation.h"
#include "storage/database.h"
#include "storage/storage_error.h"

namespace einlass {

enum class SyncLogKind { attendee, revocation, admission, config, tls, command };

// One sync_log row with what its subject is now (not what it was when the row was written: a
// kiosk needs the current state, and a later row for the same subject says the same).
struct SyncLogEntry {
  std::int64_t id = 0;
  SyncLogKind kind = SyncLogKind::config;
  TicketId ticket_id = 0;                   // attendee, revocation
  std::string kiosk_id;                     // admission, command, tls
  std::uint64_t seq = 0;                    // admission
  std::optional<AttendeeRecord> attendee;   // attendee rows: nullopt when it was deleted
  std::optional<Revocation> revocation;     // revocation rows: nullopt when it was withdrawn
  std::optional<AdmissionEvent> admission;  // admission rows (admissions are never deleted)
};

class SyncLogRepository {
 public:
  explicit SyncLogRepository(Database& db) : db_(db) {}

  // Server. The newest row's id, 0 for an empty log. One index lookup: cheap enough to poll.
  StorageResult<std::int64_t> latest_id();
  // Server. Rows with id > after_id, oldest first, at most `limit`.
  StorageResult<std::vector<SyncLogEntry>> entries_after(std::int64_t after_id, std::size_t limit);

  // Both kinds. Lookups sync needs that the owning repositories do not offer.
  StorageResult<std::optional<AdmissionEvent>> find_admission(const EventKey& key);
  StorageResult<std::optional<Revocation>> find_revocation(TicketId id);
  // Of `tickets`, those with more than one admission event or with a revocation: the only ones a
  // merge can flag (duplicates need two events, a late admission needs a revocation). One query
  // for a whole push, so the common case (a first admission) costs no per-ticket reads.
  StorageResult<std::vector<TicketId>> tickets_with_history(std::span<const TicketId> tickets);

 private:
  Database& db_;
};

// One read transaction: every read through the database until it ends sees the database as it
// was at begin(), whatever other connections commit meanwhile (WAL keeps that view). A snapshot
// read in parts is consistent with the cursor it ends with only this way. Writers are not
// blocked. Do not write through the database while it is open.
class ConsistentRead {
 public:
  static StorageResult<ConsistentRead> begin(Database& db);
  ConsistentRead(ConsistentRead&&) noexcept;
  ConsistentRead& operator=(ConsistentRead&&) noexcept;
  ~ConsistentRead();  // ends the transaction

 private:
  struct Impl;
  explicit ConsistentRead(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace einlass
