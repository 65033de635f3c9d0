#pragma once
// Internal to einlass_storage (its .cpp files only): the adapter edge where SQLiteCpp's
// exceptions become StorageError values, and helpers to bind and read our types.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Savepoint.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "base/time.h"
#include "storage/database.h"
#include "storage/storage_error.h"

namespace einlass::storage_detail {

// Our own refusals inside a guarded block (bad input, wrong kind, damaged value); guarded()
// turns them into the StorageError they carry.
struct StorageFailure {
  StorageError error;
};

[[noreturn]] void fail(StorageError::Kind kind, std::string message);

// "storing an admission event: UNIQUE constraint failed: ..." with the kind taken from the
// SQLite result code.
StorageError to_storage_error(std::string_view doing, const SQLite::Exception& e);

// Runs `body` and returns its value, or the error it raised. `doing` says what was attempted,
// for the message.
template <class Body>
auto guarded(std::string_view doing, Body&& body) -> StorageResult<std::invoke_result_t<Body&>> {
  using T = std::invoke_result_t<Body&>;
  try {
    if constexpr (std::is_void_v<T>) {
      body();
      return {};
    } else {
      return body();
    }
  } catch (const SQLite::Exception& e) {
    return std::unexpected(to_storage_error(doing, e));
  } catch (const StorageFailure& failure) {
    return std::unexpected(failure.error);
  }
}

// Refuses a call that only makes sense on the other kind of database (e.g. signing keys on a
// kiosk) with a message instead of "no such table".
void require_kind(Database& db, DatabaseKind kind, std::string_view doing);

// A repository's own write transaction. It takes the write lock at BEGIN: a deferred one that
// reads first could fail with SQLITE_BUSY on its first write without waiting for the busy
// timeout. Inside a caller's Transaction (transaction.h) it is a savepoint of that one instead.
class WriteTransaction {
 public:
  explicit WriteTransaction(Database& db);
  void commit();

 private:
  std::optional<SQLite::Transaction> own_;
  std::optional<SQLite::Savepoint> nested_;
};

// One use of a cached prepared statement: starts clean and is reset on scope exit, so that no
// read transaction stays open and no old binding leaks into the next use.
class Query {
 public:
  Query(Database& db, std::string_view sql);
  ~Query();
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  SQLite::Statement& statement() { return st_; }

  // Runs a statement that returns no rows; returns the number of rows changed.
  int exec();
  // Steps to the next row; false when there is none.
  bool step();

  Query& bind(int index, std::int64_t value);
  Query& bind(int index, std::string_view value);
  Query& bind_blob(int index, const void* data, std::size_t size);

  std::int64_t int64(int column);
  std::string text(int column);
  bool is_null(int column);

 private:
  SQLite::Statement& st_;
};

// sequence numbers are unsigned 64-bit; SQLite stores signed 64-bit.
std::int64_t seq_to_db(std::uint64_t seq);

// Narrows a stored integer to T, or fails with Kind::corrupt naming the column.
template <class T>
T narrow_from_db(std::int64_t value, std::string_view column) {
  if (!std::in_range<T>(value)) {
    fail(StorageError::Kind::corrupt, "stored value " + std::to_string(value) + " of " +
                                          std::string(column) + " is out of range");
  }
  return static_cast<T>(value);
}

}  // namespace einlass::storage_detail
