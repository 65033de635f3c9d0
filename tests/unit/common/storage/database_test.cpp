#include "storage/database.h"

#include <SQLiteCpp/Database.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <cstdio>

#include "storage/event_repository.h"
#include "storage/schema.h"
#include "storage_test_support.h"
#include "support/files.h"

using namespace einlass;
using test::open_db;
using test::write_file;
using Kind = StorageError::Kind;

namespace {

bool has_column(SQLite::Database& db, const std::string& table, const std::string& column) {
  SQLite::Statement q(db, "SELECT name FROM pragma_table_info(?1)");
  q.bind(1, table);
  while (q.executeStep()) {
    if (q.getColumn(0).getString() == column) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a new database is created with WAL, synchronous FULL, busy timeout and foreign keys",
          "[storage]") {
  test::TempDir dir;
  for (auto kind : {DatabaseKind::server, DatabaseKind::kiosk}) {
    auto db = open_db(dir / (kind == DatabaseKind::server ? "server.db" : "kiosk.db"), kind);
    auto& c = db.connection();
    CHECK(test::pragma_text(c, "journal_mode") == "wal");
    CHECK(test::pragma_int(c, "synchronous") == 2);  // FULL
    CHECK(test::pragma_int(c, "busy_timeout") == 5000);
    CHECK(test::pragma_int(c, "foreign_keys") == 1);
    CHECK(test::pragma_int(c, "user_version") == latest_schema_version(kind));
    CHECK(db.kind() == kind);
  }
}

TEST_CASE("the two kinds of database carry different application ids", "[storage]") {
  test::TempDir dir;
  auto server = open_db(dir / "server.db", DatabaseKind::server);
  auto kiosk = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  const int server_id = test::pragma_int(server.connection(), "application_id");
  const int kiosk_id = test::pragma_int(kiosk.connection(), "application_id");
  CHECK(server_id != 0);
  CHECK(kiosk_id != 0);
  CHECK(server_id != kiosk_id);
}

TEST_CASE("a new database file is readable by its owner only", "[storage]") {
  test::TempDir dir;
  auto db = open_db(dir / "server.db", DatabaseKind::server);
  struct stat st {};
  REQUIRE(::stat((dir / "server.db").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("reopening a database keeps its data", "[storage]") {
  test::TempDir dir;
  {
    auto db = open_db(dir / "server.db", DatabaseKind::server);
    REQUIRE(EventRepository(db).save(test::sample_event()));
  }
  auto db = Database::open_existing(dir / "server.db", DatabaseKind::server);
  REQUIRE(db);
  auto event = EventRepository(*db).load();
  REQUIRE(event);
  REQUIRE(event->has_value());
  CHECK((*event)->name == "Digitaler Staat 2026");
}

TEST_CASE("opening an up-to-date database again applies no migration twice", "[storage]") {
  test::TempDir dir;
  // A migration run twice would fail on CREATE TABLE, and open_db with it.
  for (int i = 0; i < 3; ++i) auto db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  SQLite::Database raw((dir / "kiosk.db").string());
  CHECK(test::pragma_int(raw, "user_version") == latest_schema_version(DatabaseKind::kiosk));
}

TEST_CASE("open_existing refuses a missing file and creates nothing", "[storage]") {
  test::TempDir dir;
  auto db = Database::open_existing(dir / "missing.db", DatabaseKind::server);
  REQUIRE_FALSE(db);
  CHECK(db.error().kind == Kind::cannot_open);
  CHECK_THAT(db.error().message, Catch::Contains("missing.db"));
  CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
}

TEST_CASE("open refuses a path in a folder that does not exist", "[storage]") {
  test::TempDir dir;
  auto db = Database::open(dir / "no-such-folder" / "server.db", DatabaseKind::server);
  REQUIRE_FALSE(db);
  CHECK(db.error().kind == Kind::cannot_open);
}

TEST_CASE("a database from a newer Einlass is refused with both versions and left unchanged",
          "[storage]") {
  test::TempDir dir;
  const auto path = dir / "server.db";
  { auto db = open_db(path, DatabaseKind::server); }
  {
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 99");
  }
  auto db = Database::open(path, DatabaseKind::server);
  REQUIRE_FALSE(db);
  CHECK(db.error().kind == Kind::newer_schema);
  CHECK_THAT(db.error().message, Catch::Contains("99"));
  CHECK_THAT(db.error().message,
             Catch::Contains(std::to_string(latest_schema_version(DatabaseKind::server))));
  CHECK_THAT(db.error().message, Catch::Contains("upgrade Einlass"));
  SQLite::Database raw(path.string());
  CHECK(test::pragma_int(raw, "user_version") == 99);
}

TEST_CASE("a kiosk replica opened as server database is refused, and the other way round",
          "[storage]") {
  test::TempDir dir;
  { auto kiosk = open_db(dir / "kiosk.db", DatabaseKind::kiosk); }
  { auto server = open_db(dir / "server.db", DatabaseKind::server); }

  auto as_server = Database::open(dir / "kiosk.db", DatabaseKind::server);
  REQUIRE_FALSE(as_server);
  CHECK(as_server.error().kind == Kind::wrong_database_kind);
  CHECK_THAT(as_server.error().message, Catch::Contains("kiosk replica"));

  auto as_kiosk = Database::open_existing(dir / "server.db", DatabaseKind::kiosk);
  REQUIRE_FALSE(as_kiosk);
  CHECK(as_kiosk.error().kind == Kind::wrong_database_kind);
  CHECK_THAT(as_kiosk.error().message, Catch::Contains("server database"));
}

TEST_CASE("another application's SQLite database is refused and not touched", "[storage]") {
  test::TempDir dir;
  const auto path = dir / "other.db";
  {
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    raw.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)");
  }
  auto db = Database::open(path, DatabaseKind::server);
  REQUIRE_FALSE(db);
  CHECK(db.error().kind == Kind::wrong_database_kind);
  CHECK_THAT(db.error().message, Catch::Contains("another application"));
  SQLite::Database raw(path.string());
  CHECK(test::pragma_text(raw, "journal_mode") == "delete");  // not switched to WAL
  CHECK_FALSE(raw.tableExists("attendees"));
}

TEST_CASE("a file that is not SQLite at all is refused cleanly", "[storage]") {
  test::TempDir dir;
  const auto path = dir / "registrations.csv";
  const std::string content = "name;email\nAnna;anna@example.org\n";
  write_file(path, content);
  for (auto kind : {DatabaseKind::server, DatabaseKind::kiosk}) {
    auto db = Database::open(path, kind);
    REQUIRE_FALSE(db);
    CHECK(db.error().kind == Kind::wrong_database_kind);
    CHECK_THAT(db.error().message, Catch::Contains("not an SQLite database"));
  }
  CHECK(std::filesystem::file_size(path) == content.size());
}

TEST_CASE("a folder given as database is refused", "[storage]") {
  test::TempDir dir;
  auto db = Database::open(dir.path(), DatabaseKind::server);
  REQUIRE_FALSE(db);
  CHECK(db.error().kind == Kind::cannot_open);
}

TEST_CASE("an empty file is initialised like a new database", "[storage]") {
  test::TempDir dir;
  write_file(dir / "empty.db", "");
  auto db = Database::open_existing(dir / "empty.db", DatabaseKind::kiosk);
  REQUIRE(db);
  CHECK(test::pragma_int(db->connection(), "user_version") ==
        latest_schema_version(DatabaseKind::kiosk));
  CHECK(db->connection().tableExists("print_jobs"));
}

TEST_CASE("the kiosk replica has no e-mail or external id column", "[storage][privacy]") {
  test::TempDir dir;
  auto kiosk = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  auto server = open_db(dir / "server.db", DatabaseKind::server);
  REQUIRE(has_column(kiosk.connection(), "attendees", "display_name"));
  CHECK_FALSE(has_column(kiosk.connection(), "attendees", "email"));
  CHECK_FALSE(has_column(kiosk.connection(), "attendees", "external_id"));
  CHECK_FALSE(kiosk.connection().tableExists("signing_keys"));
  CHECK(has_column(server.connection(), "attendees", "email"));
  CHECK(has_column(server.connection(), "attendees", "external_id"));
}

TEST_CASE("each kind has the tables the architecture names", "[storage]") {
  test::TempDir dir;
  auto server = open_db(dir / "server.db", DatabaseKind::server);
  auto kiosk = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  for (const char* t : {"event", "categories", "signing_keys", "attendees", "revocations",
                        "admission_events", "audit_log"}) {
    CHECK(server.connection().tableExists(t));
  }
  for (const char* t : {"event", "categories", "public_keys", "attendees", "revocations",
                        "admission_events", "print_jobs", "kiosk_state"}) {
    CHECK(kiosk.connection().tableExists(t));
  }
}

TEST_CASE("a database moved to a new owner keeps working there", "[storage]") {
  test::TempDir dir;
  auto first = open_db(dir / "server.db", DatabaseKind::server);
  REQUIRE(EventRepository(first).save(test::sample_event()));
  Database second = std::move(first);
  CHECK(second.path() == dir / "server.db");
  auto loaded = EventRepository(second).load();  // cached statements moved along
  REQUIRE(loaded);
  CHECK((*loaded)->name == test::sample_event().name);
}

TEST_CASE("a damaged database file is refused as corrupt, not a crash", "[storage]") {
  test::TempDir dir;
  const auto path = dir / "kiosk.db";
  { auto db = open_db(path, DatabaseKind::kiosk); }  // closing checkpoints the WAL into the file
  {
    // Overwrite the schema table's page header, right after the 100-byte file header.
    std::FILE* f = std::fopen(path.c_str(), "r+b");
    REQUIRE(f != nullptr);
    REQUIRE(std::fseek(f, 100, SEEK_SET) == 0);
    const std::string garbage(200, '\x5A');
    std::fwrite(garbage.data(), 1, garbage.size(), f);
    std::fclose(f);
  }
  auto db = Database::open_existing(path, DatabaseKind::kiosk);
  REQUIRE_FALSE(db);
  CHECK(db.error().kind == Kind::corrupt);
  CHECK_THAT(db.error().message, Catch::Contains("kiosk.db"));
}

TEST_CASE("migrations are numbered 1, 2, ... without gaps", "[storage]") {
  for (auto kind : {DatabaseKind::server, DatabaseKind::kiosk}) {
    int expected = 1;
    for (const auto& m : storage_detail::migrations(kind)) CHECK(m.version == expected++);
  }
}
