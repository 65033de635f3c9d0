#include "storage/transaction.h"

#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

// The repositories' own mechanism: a transaction of its own, or a savepoint inside a caller's.
struct Transaction::Impl {
  explicit Impl(Database& db) : tx(db) {}
  sd::WriteTransaction tx;
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
  return sd::guarded("committing", [&] { impl_->tx.commit(); });
}

}  // namespace einlass
