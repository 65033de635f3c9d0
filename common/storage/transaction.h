#pragma once
// Several repository calls as one durable unit: all of them stay, or none. Repository calls made
// while it is open join it (as nested savepoints) instead of committing on their own.
#include <memory>

#include "storage/database.h"
#include "storage/storage_error.h"

namespace einlass {

class Transaction {
 public:
  // Takes the write lock at once (waiting up to the busy timeout), so later writes cannot fail
  // with busy half-way. Begun inside another transaction it is a savepoint of that one: its
  // commit keeps its work for the outer commit, its rollback undoes only its own.
  static StorageResult<Transaction> begin(Database& db);

  Transaction(Transaction&&) noexcept;
  Transaction& operator=(Transaction&&) noexcept;
  // Rolls back unless committed.
  ~Transaction();

  StorageResult<void> commit();

 private:
  struct Impl;
  explicit Transaction(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace einlass
