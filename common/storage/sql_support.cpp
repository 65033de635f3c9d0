#include "storage/sql_support.h"

#include <sqlite3.h>

#include <limits>

namespace einlass::storage_detail {

void fail(StorageError::Kind kind, std::string message) {
  throw StorageFailure{StorageError{kind, std::move(message)}};
}

StorageError to_storage_error(std::string_view doing, const SQLite::Exception& e) {
  using enum StorageError::Kind;
  // SQLiteCpp reports -1 for its own misuse errors; everything else is an SQLite result code
  // whose low byte is the primary code.
  const int code = e.getErrorCode() < 0 ? SQLITE_ERROR : (e.getErrorCode() & 0xFF);
  StorageError::Kind kind = io;
  switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      kind = busy;
      break;
    case SQLITE_CONSTRAINT:
      kind = constraint;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      kind = corrupt;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      kind = cannot_open;
      break;
    default:
      kind = io;
      break;
  }
  std::string message{doing};
  message += ": ";
  message += e.what();
  return StorageError{kind, std::move(message)};
}

void require_kind(Database& db, DatabaseKind kind, std::string_view doing) {
  if (db.kind() == kind) return;
  fail(StorageError::Kind::wrong_database_kind,
       std::string(doing) + " needs a " + std::string(to_string(kind)) + ", but " +
           db.path().string() + " is a " + std::string(to_string(db.kind())));
}

WriteTransaction::WriteTransaction(Database& db) {
  if (sqlite3_get_autocommit(db.connection().getHandle()) != 0) {
    own_.emplace(db.connection(), SQLite::TransactionBehavior::IMMEDIATE);
  } else {
    nested_.emplace(db.connection(), "einlass_repository");
  }
}

void WriteTransaction::commit() {
  if (own_) {
    own_->commit();
  } else {
    nested_->release();
  }
}

Query::Query(Database& db, std::string_view sql) : st_(db.statement(sql)) {
  st_.tryReset();
  st_.clearBindings();
}

Query::~Query() {
  st_.tryReset();
  try {
    st_.clearBindings();
  } catch (const SQLite::Exception&) {
    // Only fails on a finalized statement; the next Query clears the bindings again.
  }
}

int Query::exec() {
  return st_.exec();
}

bool Query::step() {
  return st_.executeStep();
}

Query& Query::bind(int index, std::int64_t value) {
  st_.bind(index, value);
  return *this;
}

Query& Query::bind(int index, std::string_view value) {
  st_.bind(index, std::string(value));
  return *this;
}

Query& Query::bind_blob(int index, const void* data, std::size_t size) {
  if (size > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    fail(StorageError::Kind::constraint, "blob too large");
  }
  st_.bind(index, data, static_cast<int>(size));
  return *this;
}

std::int64_t Query::int64(int column) {
  return st_.getColumn(column).getInt64();
}

std::string Query::text(int column) {
  return st_.getColumn(column).getString();
}

bool Query::is_null(int column) {
  return st_.getColumn(column).isNull();
}

std::int64_t seq_to_db(std::uint64_t seq) {
  if (seq > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    fail(StorageError::Kind::constraint,
         "sequence number " + std::to_string(seq) + " is beyond what the database stores");
  }
  return static_cast<std::int64_t>(seq);
}

}  // namespace einlass::storage_detail
