#include "storage/transaction.h"

#include <sqlite3.h>

#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

struct Transaction::Impl {
  explicit Impl(Database& db) {
    if (sqlite3_get_autocommit(db.connection().getHandle()) != 0)
      own.emplace(db.connection(), SQLite::TransactionBehavior::IMMEDIATE);
    else
      nested.emplace(db.connection(), "einlass_transaction");
  }
  void commit() {
    if (own)
      own->commit();
    else
      nested->release();
  }
  std::optional<SQLite::Transaction> own;
  std::optional<SQLite::Savepoint> nested;
};

Transaction::Transaction(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Transaction::Transaction(Transaction&&) noexcept = default;
Transaction& Transaction::operator=(Transaction&&) noexcept = default;
Transaction::~Transaction() = default;

StorageResult<Transaction> Transaction::begin(Database& db) {
  auto impl = sd::guarded("starting a transaction", [&] { return std::make_unique<Impl>(db); });
  if (!impl) return std::unexpected(std::move(impl.error()));
  return Transaction{std::move(*impl)};
}

StorageResult<void> Transaction::commit() {
  return sd::guarded("committing", [&] { impl_->commit(); });
}

}  // namespace einlass
