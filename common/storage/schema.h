#pragma once
// Internal to einlass_storage: the schema of each kind of database as an ordered list of
// migrations. Migration N takes a database from user_version N-1 to N and runs in its own
// transaction. Never edit a released migration: add the next one at the end of the list.
#include <span>

#include "storage/database.h"

namespace einlass::storage_detail {

struct Migration {
  int version;
  const char* shared_sql;  // tables both kinds hold (nullptr: none)
  const char* sql;         // this kind's own tables
};

std::span<const Migration> server_migrations();
std::span<const Migration> kiosk_migrations();
std::span<const Migration> migrations(DatabaseKind kind);

// PRAGMA application_id values: "EinS" and "EinK", so `file` and `sqlite3` show whose it is.
inline constexpr int kServerApplicationId = 0x45696E53;
inline constexpr int kKioskApplicationId = 0x45696E4B;

int application_id(DatabaseKind kind);

}  // namespace einlass::storage_detail
