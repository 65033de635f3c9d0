#include "fuzz/database_snapshot.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <stdexcept>

namespace einlass::fuzz {

namespace {

std::int64_t total_changes(Database& db) {
  return sqlite3_total_changes64(db.connection().getHandle());
}

// A copy left half done would be a state no input could reproduce: stop the run instead.
void copy_all(SQLite::Database& to, SQLite::Database& from) {
  if (SQLite::Backup(to, from).executeStep() != SQLITE_DONE) {
    throw std::runtime_error("copying the fuzz database did not finish");
  }
}

}  // namespace

DatabaseSnapshot::DatabaseSnapshot(Database& db)
    : db_(db),
      copy_(std::make_unique<SQLite::Database>(":memory:",
                                               SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)) {
  db_.connection().exec("PRAGMA synchronous = OFF");
  copy_all(*copy_, db_.connection());
  changes_at_restore_ = total_changes(db_);
}

DatabaseSnapshot::~DatabaseSnapshot() = default;

void DatabaseSnapshot::restore_if_written() {
  if (total_changes(db_) == changes_at_restore_) return;
  copy_all(db_.connection(), *copy_);
  changes_at_restore_ = total_changes(db_);
}

std::int64_t DatabaseSnapshot::changes() const {
  return total_changes(db_) - changes_at_restore_;
}

}  // namespace einlass::fuzz
