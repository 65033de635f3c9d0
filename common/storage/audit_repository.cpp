#include "storage/audit_repository.h"

#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

StorageResult<std::int64_t> AuditRepository::append(const AuditEntry& entry) {
  return sd::guarded("writing the audit log", [&] {
    sd::require_kind(db_, DatabaseKind::server, "writing the audit log");
    if (entry.who.empty() || entry.action.empty()) {
      sd::fail(StorageError::Kind::constraint, "an audit entry needs who and what was done");
    }
    sd::Query(db_,
              "INSERT INTO audit_log (at, who, action, subject, why) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, to_unix_ms(entry.at))
        .bind(2, entry.who)
        .bind(3, entry.action)
        .bind(4, entry.subject)
        .bind(5, entry.why)
        .exec();
    return db_.connection().getLastInsertRowid();
  });
}

StorageResult<std::vector<AuditEntry>> AuditRepository::all() {
  return sd::guarded("reading the audit log", [&] {
    sd::require_kind(db_, DatabaseKind::server, "reading the audit log");
    std::vector<AuditEntry> out;
    sd::Query q(db_, "SELECT id, at, who, action, subject, why FROM audit_log ORDER BY id");
    while (q.step()) {
      out.push_back(AuditEntry{q.int64(0), from_unix_ms(q.int64(1)), q.text(2), q.text(3),
                               q.text(4), q.text(5)});
    }
    return out;
  });
}

}  // namespace einlass
