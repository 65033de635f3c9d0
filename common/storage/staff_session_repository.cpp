#include "storage/staff_session_repository.h"

#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

namespace {

constexpr const char* kSelectSession =
    "SELECT token_hash, login, csrf_token, created_at, expires_at FROM staff_sessions ";

StaffSessionRecord session_from_row(sd::Query& q) {
  return StaffSessionRecord{q.text(0), q.text(1), q.text(2), from_unix_ms(q.int64(3)),
                            from_unix_ms(q.int64(4))};
}

}  // namespace

StorageResult<void> StaffSessionRepository::add(const StaffSessionRecord& session) {
  return sd::guarded("storing a staff session", [&] {
    sd::require_kind(db_, DatabaseKind::server, "storing a staff session");
    sd::Query(db_,
              "INSERT INTO staff_sessions (token_hash, login, csrf_token, created_at, expires_at) "
              "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(1, session.token_hash)
        .bind(2, session.login)
        .bind(3, session.csrf_token)
        .bind(4, to_unix_ms(session.created_at))
        .bind(5, to_unix_ms(session.expires_at))
        .exec();
  });
}

StorageResult<std::optional<StaffSessionRecord>> StaffSessionRepository::find(
    std::string_view token_hash) {
  return sd::guarded("finding a staff session", [&]() -> std::optional<StaffSessionRecord> {
    sd::require_kind(db_, DatabaseKind::server, "finding a staff session");
    sd::Query q(db_, std::string(kSelectSession) + "WHERE token_hash = ?1");
    q.bind(1, token_hash);
    if (!q.step()) return std::nullopt;
    return session_from_row(q);
  });
}

StorageResult<std::vector<StaffSessionRecord>> StaffSessionRepository::for_login(
    std::string_view login) {
  return sd::guarded("listing staff sessions", [&] {
    sd::require_kind(db_, DatabaseKind::server, "listing staff sessions");
    std::vector<StaffSessionRecord> out;
    sd::Query q(db_, std::string(kSelectSession) + "WHERE login = ?1 ORDER BY created_at");
    q.bind(1, login);
    while (q.step()) out.push_back(session_from_row(q));
    return out;
  });
}

StorageResult<bool> StaffSessionRepository::remove(std::string_view token_hash) {
  return sd::guarded("ending a staff session", [&] {
    sd::require_kind(db_, DatabaseKind::server, "ending a staff session");
    return sd::Query(db_, "DELETE FROM staff_sessions WHERE token_hash = ?1")
               .bind(1, token_hash)
               .exec() == 1;
  });
}

StorageResult<int> StaffSessionRepository::remove_for_login(std::string_view login) {
  return sd::guarded("ending the sessions of a staff account", [&] {
    sd::require_kind(db_, DatabaseKind::server, "ending staff sessions");
    return sd::Query(db_, "DELETE FROM staff_sessions WHERE login = ?1").bind(1, login).exec();
  });
}

StorageResult<int> StaffSessionRepository::remove_expired(Timestamp now) {
  return sd::guarded("forgetting expired staff sessions", [&] {
    sd::require_kind(db_, DatabaseKind::server, "forgetting expired staff sessions");
    return sd::Query(db_, "DELETE FROM staff_sessions WHERE expires_at <= ?1")
        .bind(1, to_unix_ms(now))
        .exec();
  });
}

}  // namespace einlass
