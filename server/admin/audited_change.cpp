#include "admin/audited_change.h"

#include "admin/event_database.h"
#include "storage/audit_repository.h"

namespace einlass {

std::expected<AuditedChange, AdminError> AuditedChange::begin(Database& db) {
  auto tx = Transaction::begin(db);
  if (!tx) return std::unexpected(storage_failure(db.path(), tx.error()));
  return AuditedChange{db, std::move(*tx)};
}

std::expected<void, AdminError> AuditedChange::finish(const Actor& actor, std::string_view action,
                                                      std::string subject, std::string_view why) {
  auto written = AuditRepository{db_}.append(
      {0, actor.at, actor.who, std::string{action}, std::move(subject), std::string{why}});
  if (!written) return std::unexpected(storage_failure(db_.path(), written.error()));
  if (auto committed = tx_.commit(); !committed)
    return std::unexpected(storage_failure(db_.path(), committed.error()));
  return {};
}

}  // namespace einlass
