#pragma once
// What storage reports instead of throwing: SQLite's exceptions stop at the storage adapter and
// come out as values, so callers decide (retry on busy, tell the operator on newer_schema, ...).
#include <expected>
#include <string>
#include <string_view>

namespace einlass {

struct StorageError {
  enum class Kind {
    cannot_open,          // missing file, no permission, not a file
    newer_schema,         // written by a newer Einlass: upgrade instead of damaging it
    wrong_database_kind,  // a kiosk replica opened as server DB, a foreign file, not SQLite at all
    busy,                 // another process held the lock longer than the busy timeout
    constraint,           // the data broke a rule (unique key, foreign key, check, our own checks)
    io,                   // disk full, read-only, I/O failure, anything else SQLite reports
    corrupt,              // the file or a stored value is damaged
  };
  Kind kind = Kind::io;
  std::string message;
};

template <class T>
using StorageResult = std::expected<T, StorageError>;

std::string_view to_string(StorageError::Kind kind);

}  // namespace einlass
