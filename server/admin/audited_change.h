#pragma once
// An organiser's change and its audit entry (who, when, what, why), committed together: both
// stay, or neither.
#include <expected>
#include <string>
#include <string_view>

#include "admin/admin_error.h"
#include "admin/organiser_actions.h"
#include "storage/database.h"
#include "storage/transaction.h"

namespace einlass {

class AuditedChange {
 public:
  static std::expected<AuditedChange, AdminError> begin(Database& db);

  // Appends the audit entry and commits the change with it.
  std::expected<void, AdminError> finish(const Actor& actor, std::string_view action,
                                         std::string subject, std::string_view why);

 private:
  AuditedChange(Database& db, Transaction tx) : db_(db), tx_(std::move(tx)) {}
  Database& db_;
  Transaction tx_;
};

}  // namespace einlass
