#include "storage/database.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>

#include "base/search_fold.h"
#include "storage/schema.h"
#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;
using Kind = StorageError::Kind;

namespace {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

std::string hex(int value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(value));
  return buf;
}

DatabaseKind other(DatabaseKind kind) {
  return kind == DatabaseKind::server ? DatabaseKind::kiosk : DatabaseKind::server;
}

int pragma_int(SQLite::Database& db, const char* pragma) {
  return db.execAndGet(std::string("PRAGMA ") + pragma).getInt();
}

// Creates the file before SQLite does so that it is readable by its owner only; SQLite gives
// the -wal and -shm files the same permissions as the database file.
std::optional<StorageError> create_private_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return std::nullopt;  // there already: open_existing checks what it is
    return StorageError{Kind::cannot_open, "cannot create " + path.string() + ": " +
                                               std::system_category().message(errno)};
  }
  ::close(fd);
  return std::nullopt;
}

// Refuses a file that is not ours before anything is written to it.
void check_identity(SQLite::Database& db, const std::filesystem::path& path, DatabaseKind kind) {
  int app_id = 0;
  try {
    app_id = pragma_int(db, "application_id");
  } catch (const SQLite::Exception& e) {
    if ((e.getErrorCode() & 0xFF) == SQLITE_NOTADB) {
      sd::fail(Kind::wrong_database_kind,
               path.string() +
                   " is not an SQLite database (a different file, or its header "
                   "is damaged)");
    }
    throw;
  }
  if (app_id == sd::application_id(kind)) return;
  if (app_id == sd::application_id(other(kind))) {
    sd::fail(Kind::wrong_database_kind, path.string() + " is an Einlass " +
                                            std::string(to_string(other(kind))) + ", not a " +
                                            std::string(to_string(kind)));
  }
  const bool empty = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0;
  if (app_id == 0 && empty && pragma_int(db, "user_version") == 0) return;  // a new file
  sd::fail(Kind::wrong_database_kind,
           path.string() + " is an SQLite database of another application (application_id " +
               hex(app_id) + "), not an Einlass " + std::string(to_string(kind)));
}

void check_version(SQLite::Database& db, const std::filesystem::path& path, DatabaseKind kind) {
  const int version = pragma_int(db, "user_version");
  const int latest = latest_schema_version(kind);
  if (version <= latest) return;
  sd::fail(Kind::newer_schema,
           path.string() + " has schema version " + std::to_string(version) +
               ", but this Einlass build knows schema versions up to " + std::to_string(latest) +
               ". It was written by a newer Einlass: upgrade Einlass to open it (it was left "
               "unchanged).");
}

// einlass_fold(text): fold_for_search in SQL, so searches forgive case and accents.
void fold_function(sqlite3_context* context, int, sqlite3_value** args) {
  if (sqlite3_value_type(args[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
  const auto size = static_cast<std::size_t>(sqlite3_value_bytes(args[0]));
  const std::string folded = fold_for_search(std::string_view(text, size));
  sqlite3_result_text(context, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

void configure(SQLite::Database& db, const std::filesystem::path& path) {
  // WAL: readers never block the writer; with synchronous=FULL every commit is fsynced before
  // it returns, which is what "committed durably before showing or printing" needs.
  const std::string mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
  if (mode != "wal") {
    sd::fail(Kind::io, "cannot switch " + path.string() + " to WAL mode (got '" + mode + "')");
  }
  db.exec("PRAGMA synchronous = FULL");
  db.exec("PRAGMA foreign_keys = ON");  // has no effect inside a transaction: set it first
  db.createFunction("einlass_fold", 1, true, nullptr, &fold_function, nullptr, nullptr, nullptr);
}

void migrate(SQLite::Database& db, DatabaseKind kind, const std::filesystem::path& path) {
  for (const auto& m : sd::migrations(kind)) {
    if (pragma_int(db, "user_version") >= m.version) continue;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have migrated between our check and our lock: look again, locked.
    if (pragma_int(db, "user_version") >= m.version) continue;
    check_identity(db, path, kind);
    if (m.shared_sql != nullptr) db.exec(m.shared_sql);
    db.exec(m.sql);
    db.exec("PRAGMA application_id = " + std::to_string(sd::application_id(kind)));
    db.exec("PRAGMA user_version = " + std::to_string(m.version));
    tx.commit();
  }
}

}  // namespace

struct Database::Impl {
  Impl(SQLite::Database connection, DatabaseKind k, std::filesystem::path p)
      : db(std::move(connection)), kind(k), path(std::move(p)) {}
  SQLite::Database db;
  DatabaseKind kind;
  std::filesystem::path path;
  // Declared after db: destroyed first, as statements must be finalized before the connection.
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, StringHash, std::equal_to<>>
      statements;
};

StorageResult<Database> Database::open(const std::filesystem::path& path, DatabaseKind kind) {
  if (auto error = create_private_file(path)) return std::unexpected(*error);
  return open_existing(path, kind);
}

StorageResult<Database> Database::open_existing(const std::filesystem::path& path,
                                                DatabaseKind kind) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    return std::unexpected(
        StorageError{Kind::cannot_open, "there is no database at " + path.string()});
  }
  if (!std::filesystem::is_regular_file(status)) {
    return std::unexpected(
        StorageError{Kind::cannot_open, path.string() + " is not a regular file"});
  }
  auto opened = sd::guarded("opening " + path.string(), [&] {
    SQLite::Database db(path, SQLite::OPEN_READWRITE, static_cast<int>(kBusyTimeout.count()));
    check_identity(db, path, kind);
    check_version(db, path, kind);
    configure(db, path);
    migrate(db, kind, path);
    return std::make_unique<Impl>(std::move(db), kind, path);
  });
  if (!opened) return std::unexpected(std::move(opened.error()));
  return Database(std::move(*opened));
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

StorageResult<void> Database::checkpoint() {
  try {
    SQLite::Statement q(connection(), "PRAGMA wal_checkpoint(TRUNCATE)");
    // One row: busy (1 when a reader or writer kept it from finishing), log pages, checkpointed.
    if (q.executeStep() && q.getColumn(0).getInt() != 0)
      return std::unexpected(
          StorageError{StorageError::Kind::busy, path().string() + ": the checkpoint was held up"});
    return {};
  } catch (const SQLite::Exception& e) {
    return std::unexpected(
        StorageError{StorageError::Kind::io, path().string() + ": checkpoint: " + e.what()});
  }
}

DatabaseKind Database::kind() const {
  return impl_->kind;
}

const std::filesystem::path& Database::path() const {
  return impl_->path;
}

SQLite::Database& Database::connection() {
  return impl_->db;
}

SQLite::Statement& Database::statement(std::string_view sql) {
  auto it = impl_->statements.find(sql);
  if (it == impl_->statements.end()) {
    it = impl_->statements
             .emplace(std::string(sql),
                      std::make_unique<SQLite::Statement>(impl_->db, std::string(sql)))
             .first;
  }
  return *it->second;
}

}  // namespace einlass
