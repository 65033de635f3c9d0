#include "admin/organiser_actions.h"

#include "admin/audited_change.h"
#include "admin/event_database.h"
#include "storage/attendee_repository.h"
#include "storage/audit_repository.h"
#include "storage/key_repository.h"
#include "storage/revocation_repository.h"
#include "storage/transaction.h"

namespace einlass {

namespace {

std::string_view action_name(AttendeeStatus status) {
  switch (status) {
    case AttendeeStatus::active:
      return "reactivate";
    case AttendeeStatus::canceled:
      return "cancel";
    case AttendeeStatus::blocked:
      return "block";
  }
  return "reactivate";
}

}  // namespace

std::expected<void, AdminError> change_status(Database& db, TicketId id, AttendeeStatus status,
                                              const Actor& actor, std::string_view why) {
  auto change = AuditedChange::begin(db);
  if (!change) return std::unexpected(change.error());
  const ManualClock clock{actor.at};  // stamps the update as the audit entry is stamped
  auto changed = AttendeeRepository{db, clock}.set_status(id, status);
  if (!changed) return std::unexpected(storage_failure(db.path(), changed.error()));
  if (!*changed) return std::unexpected(AdminError{format_ticket_id(id) + ": no such ticket"});
  return change->finish(actor, action_name(status), format_ticket_id(id), why);
}

std::expected<bool, AdminError> revoke_ticket(Database& db, TicketId id, const Actor& actor,
                                              std::string_view why) {
  if (why.empty()) {
    return std::unexpected(AdminError{"revoke: --reason is required (it goes into the audit log)"});
  }
  auto change = AuditedChange::begin(db);
  if (!change) return std::unexpected(change.error());
  auto revoked = RevocationRepository{db}.revoke(id, actor.at, why);
  if (!revoked) return std::unexpected(storage_failure(db.path(), revoked.error()));
  if (!*revoked) return false;  // nothing changed, nothing to audit
  if (auto done = change->finish(actor, "revoke", format_ticket_id(id), why); !done) {
    return std::unexpected(done.error());
  }
  return true;
}

std::expected<KeyId, AdminError> rotate_signing_key(Database& db, const Actor& actor) {
  auto change = AuditedChange::begin(db);
  if (!change) return std::unexpected(change.error());
  auto id = add_new_signing_key(db, actor.at);
  if (!id) return std::unexpected(id.error());
  if (auto done = change->finish(actor, "rotate_key", "key " + std::to_string(*id), ""); !done) {
    return std::unexpected(done.error());
  }
  return *id;
}

std::expected<void, AdminError> retire_signing_key(Database& db, KeyId id, const Actor& actor) {
  auto change = AuditedChange::begin(db);
  if (!change) return std::unexpected(change.error());
  auto retired = KeyRepository{db}.retire(id, actor.at);
  if (!retired) return std::unexpected(storage_failure(db.path(), retired.error()));
  if (!*retired) return std::unexpected(AdminError{"key " + std::to_string(id) + ": no such key"});
  return change->finish(actor, "retire_key", "key " + std::to_string(id), "");
}

}  // namespace einlass
