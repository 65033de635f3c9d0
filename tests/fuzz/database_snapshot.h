#pragma once
// For fuzz targets that write to a server database: its content kept in memory and put back
// before an input when the one before wrote, so every input starts from the same state without
// reopening (and migrating) a file for each.
#include <cstdint>
#include <memory>

#include "storage/database.h"

namespace SQLite {
class Database;
}  // namespace SQLite

namespace einlass::fuzz {

class DatabaseSnapshot {
 public:
  // Takes the snapshot of `db` now. Also turns off fsync for the connection: a fuzz run's
  // database is thrown away, and one fsync per commit would cost more than the input itself.
  explicit DatabaseSnapshot(Database& db);
  ~DatabaseSnapshot();
  DatabaseSnapshot(const DatabaseSnapshot&) = delete;
  DatabaseSnapshot& operator=(const DatabaseSnapshot&) = delete;

  // Puts the snapshot back if any row changed since it was taken or last put back.
  void restore_if_written();
  // Rows inserted, updated or deleted on the connection since the last restore.
  std::int64_t changes() const;

 private:
  Database& db_;
  std::unique_ptr<SQLite::Database> copy_;
  std::int64_t changes_at_restore_ = 0;
};

}  // namespace einlass::fuzz
