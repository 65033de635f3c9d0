#pragma once
// Shared by the staff tests: a server database in a temp dir, a clock that moves when told, a
// predictable random source and the tiny hashing cost.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "base/time.h"
#include "staff/staff_auth.h"
#include "storage/audit_repository.h"
#include "storage/database.h"
#include "support/seeded_random.h"
#include "support/temp_dir.h"
#include "support/time_literals.h"

namespace einlass::test {

inline Database open_server_db(const std::filesystem::path& path) {
  auto db = Database::open(path, DatabaseKind::server);
  if (!db) FAIL("opening " << path << " failed: " << db.error().message);
  return std::move(*db);
}

// Bytes 1, 2, 3, ... from every call: a salt or token whose text a test can predict.
inline void counting_bytes(unsigned char* out, std::size_t size) {
  for (std::size_t i = 0; i < size; ++i) out[i] = static_cast<unsigned char>(i + 1);
}

inline AuthOptions test_auth_options() {
  AuthOptions options;
  options.password_cost = kTestPasswordCost;
  return options;
}

inline std::vector<AuditEntry> audit_entries(Database& db) {
  auto all = AuditRepository{db}.all();
  REQUIRE(all);
  return *all;
}

inline std::vector<AuditEntry> audit_entries(Database& db, std::string_view action) {
  std::vector<AuditEntry> out;
  for (auto& e : audit_entries(db)) {
    if (e.action == action) out.push_back(e);
  }
  return out;
}

inline int count_rows(Database& db, const std::string& table) {
  return db.connection().execAndGet("SELECT count(*) FROM " + table).getInt();
}

// True when `text` appears in any text column of any row of the staff and audit tables.
inline bool stored_anywhere(Database& db, const std::string& text) {
  for (const char* sql : {"SELECT login || role || password_hash FROM staff_accounts",
                          "SELECT token_hash || login || csrf_token FROM staff_sessions",
                          "SELECT who || action || subject || why FROM audit_log"}) {
    SQLite::Statement q(db.connection(), sql);
    while (q.executeStep()) {
      if (q.getColumn(0).getString().find(text) != std::string::npos) return true;
    }
  }
  return false;
}

// A database with a clock, accounts and sign-in, as the server holds them.
struct StaffFixture {
  TempDir dir;
  Database db = open_server_db(dir / "server.db");
  ManualClock clock{utc(2026, 9, 1, 8)};
  StaffAccounts accounts{db, clock, seeded_random(), kTestPasswordCost};
  SignInThrottle throttle{clock, {}};
  StaffAuth auth{db, clock, seeded_random(1000), throttle, test_auth_options()};

  void add(const std::string& login, StaffRole role, const std::string& password) {
    auto added = accounts.add(login, role, password, "cli:root");
    if (!added) FAIL("adding " << login << ": " << added.error().message);
  }
};

}  // namespace einlass::test
