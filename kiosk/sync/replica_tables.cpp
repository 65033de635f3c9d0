#include "sync/replica_tables.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <string>
#include <string_view>
#include <type_traits>

namespace einlass::replica_tables {

namespace {

// The adapter edge: SQLiteCpp throws, callers get values.
template <class Body>
auto guarded(std::string_view doing, Body&& body) -> StorageResult<std::invoke_result_t<Body&>> {
  try {
    if constexpr (std::is_void_v<std::invoke_result_t<Body&>>) {
      body();
      return {};
    } else {
      return body();
    }
  } catch (const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    const auto kind = code == SQLITE_CONSTRAINT ? StorageError::Kind::constraint
                      : code == SQLITE_BUSY     ? StorageError::Kind::busy
                      : code == SQLITE_CORRUPT  ? StorageError::Kind::corrupt
                                                : StorageError::Kind::io;
    return std::unexpected(StorageError{kind, std::string(doing) + ": " + e.what()});
  }
}

std::size_t delete_each(Database& db, const char* sql, std::span<const TicketId> tickets) {
  SQLite::Statement st(db.connection(), sql);
  std::size_t deleted = 0;
  for (const TicketId id : tickets) {
    st.bind(1, std::int64_t{id});
    deleted += static_cast<std::size_t>(st.exec());
    st.reset();
  }
  return deleted;
}

}  // namespace

StorageResult<std::size_t> remove_attendees(Database& db, std::span<const TicketId> tickets) {
  return guarded("removing attendees", [&] {
    return delete_each(db, "DELETE FROM attendees WHERE ticket_id = ?1", tickets);
  });
}

StorageResult<void> clear_attendees(Database& db) {
  return guarded("removing every attendee", [&] { db.connection().exec("DELETE FROM attendees"); });
}

StorageResult<void> put_revocations(Database& db, std::span<const Revocation> revocations) {
  return guarded("storing revocations", [&] {
    SQLite::Statement st(db.connection(),
                         "INSERT INTO revocations (ticket_id, revoked_at, reason) "
                         "VALUES (?1, ?2, ?3) ON CONFLICT (ticket_id) DO UPDATE SET "
                         "revoked_at = excluded.revoked_at, reason = excluded.reason");
    for (const auto& r : revocations) {
      st.bind(1, std::int64_t{r.ticket_id});
      st.bind(2, to_unix_ms(r.revoked_at));
      st.bind(3, r.reason);
      st.exec();
      st.reset();
    }
  });
}

StorageResult<std::size_t> withdraw_revocations(Database& db, std::span<const TicketId> tickets) {
  return guarded("withdrawing revocations", [&] {
    return delete_each(db, "DELETE FROM revocations WHERE ticket_id = ?1", tickets);
  });
}

StorageResult<void> clear_revocations(Database& db) {
  return guarded("removing every revocation",
                 [&] { db.connection().exec("DELETE FROM revocations"); });
}

StorageResult<void> clear_revoked_staff_cards(Database& db) {
  return guarded("removing every staff card revocation",
                 [&] { db.connection().exec("DELETE FROM revoked_staff_cards"); });
}

}  // namespace einlass::replica_tables
