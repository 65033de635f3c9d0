#pragma once
// One open Einlass SQLite database: the server's registration database or a kiosk's replica.
// Opening identifies the file (PRAGMA application_id per kind), refuses what is not ours or is
// newer than this build, switches to WAL with synchronous=FULL (an admission survives a crash
// once committed) and applies the missing schema migrations.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string_view>

#include "storage/storage_error.h"

namespace SQLite {  // SQLiteCpp; kept out of this header so that users need not see SQLite
class Database;
class Statement;
}  // namespace SQLite

namespace einlass {

enum class DatabaseKind { server, kiosk };

std::string_view to_string(DatabaseKind kind);

// The schema version this build writes; a file with a higher user_version is refused.
int latest_schema_version(DatabaseKind kind);

// How long a writer waits for another process's lock before giving up with Kind::busy.
inline constexpr std::chrono::milliseconds kBusyTimeout{5000};

class Database {
 public:
  // Creates the file if it is missing (owner-only permissions: it holds personal data and, on
  // the server, private keys), then migrates it to the latest schema.
  static StorageResult<Database> open(const std::filesystem::path& path, DatabaseKind kind);
  // Like open() but refuses a missing file instead of creating one.
  static StorageResult<Database> open_existing(const std::filesystem::path& path,
                                               DatabaseKind kind);

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  DatabaseKind kind() const;
  const std::filesystem::path& path() const;

  // Moves everything in the write-ahead log into the database file and empties the log, so the
  // file alone holds every commit (before it is copied or renamed).
  StorageResult<void> checkpoint();

  // For the storage adapter (and tests that inspect the file). The connection must not be used
  // by two threads at once; give each thread its own Database.
  SQLite::Database& connection();
  // A prepared statement for `sql`, prepared once per connection and reused. Callers reset it
  // after use (see storage/sql_support.h); one piece of SQL is used in one place at a time.
  SQLite::Statement& statement(std::string_view sql);

 private:
  struct Impl;
  explicit Database(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace einlass
