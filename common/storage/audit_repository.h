#pragma once
// The server's audit trail of staff and organiser actions: who did what to which ticket, when
// and why. Append-only; nothing here edits or deletes an entry.
#include <cstdint>
#include <string>
#include <vector>

#include "base/time.h"
#include "storage/database.h"
#include "storage/storage_error.h"

namespace einlass {

struct AuditEntry {
  std::int64_t id = 0;  // assigned on append
  Timestamp at{};
  std::string who;      // staff login or the operating system user of einlass-admin
  std::string action;   // "revoke", "cancel", "manual_admission", "reprint", ...
  std::string subject;  // "T000042"
  std::string why;
  bool operator==(const AuditEntry&) const = default;
};

class AuditRepository {
 public:
  explicit AuditRepository(Database& db) : db_(db) {}
  // Server. Refuses an entry without who or action; returns the new entry's id.
  StorageResult<std::int64_t> append(const AuditEntry& entry);
  // Server. Oldest first.
  StorageResult<std::vector<AuditEntry>> all();

 private:
  Database& db_;
};

}  // namespace einlass
