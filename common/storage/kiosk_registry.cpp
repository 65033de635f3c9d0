#include "storage/kiosk_registry.h"

#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

namespace {

constexpr const char* kSelectKiosk =
    "SELECT kiosk_id, software, address, connected, first_seen, last_seen, health, unsynced, "
    "clock_skew_ms, last_command FROM kiosks ";

KioskRow row_from_query(sd::Query& q) {
  KioskRow r;
  r.kiosk_id = q.text(0);
  r.software = q.text(1);
  r.address = q.text(2);
  r.connected = q.int64(3) != 0;
  r.first_seen = from_unix_ms(q.int64(4));
  r.last_seen = from_unix_ms(q.int64(5));
  r.health_json = q.text(6);
  r.unsynced = sd::narrow_from_db<std::uint64_t>(q.int64(7), "kiosks.unsynced");
  if (!q.is_null(8)) r.clock_skew_ms = q.int64(8);
  r.last_command = sd::narrow_from_db<std::uint64_t>(q.int64(9), "kiosks.last_command");
  return r;
}

}  // namespace

StorageResult<void> KioskRegistry::connected(std::string_view kiosk_id, std::string_view software,
                                             std::string_view address, Timestamp at) {
  return sd::guarded("recording the connection of kiosk " + std::string(kiosk_id), [&] {
    sd::require_kind(db_, DatabaseKind::server, "recording a kiosk");
    sd::Query(db_,
              "INSERT INTO kiosks (kiosk_id, software, address, connected, first_seen, last_seen) "
              "VALUES (?1, ?2, ?3, 1, ?4, ?4) ON CONFLICT (kiosk_id) DO UPDATE SET "
              "software = excluded.software, address = excluded.address, connected = 1, "
              "last_seen = excluded.last_seen")
        .bind(1, kiosk_id)
        .bind(2, software)
        .bind(3, address)
        .bind(4, to_unix_ms(at))
        .exec();
  });
}

StorageResult<bool> KioskRegistry::disconnected(std::string_view kiosk_id, Timestamp at) {
  return sd::guarded("recording the disconnection of kiosk " + std::string(kiosk_id), [&] {
    sd::require_kind(db_, DatabaseKind::server, "recording a kiosk");
    return sd::Query(db_, "UPDATE kiosks SET connected = 0, last_seen = ?2 WHERE kiosk_id = ?1")
               .bind(1, kiosk_id)
               .bind(2, to_unix_ms(at))
               .exec() == 1;
  });
}

StorageResult<int> KioskRegistry::reset_connections() {
  return sd::guarded("marking every kiosk disconnected", [&] {
    sd::require_kind(db_, DatabaseKind::server, "recording a kiosk");
    return sd::Query(db_, "UPDATE kiosks SET connected = 0 WHERE connected = 1").exec();
  });
}

StorageResult<void> KioskRegistry::report(std::string_view kiosk_id, const KioskReport& report,
                                          Timestamp at) {
  return sd::guarded("recording the heartbeat of kiosk " + std::string(kiosk_id), [&] {
    sd::require_kind(db_, DatabaseKind::server, "recording a kiosk");
    sd::Query(db_,
              "INSERT INTO kiosks (kiosk_id, first_seen, last_seen, health, unsynced, "
              "clock_skew_ms, last_command) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6) "
              "ON CONFLICT (kiosk_id) DO UPDATE SET last_seen = excluded.last_seen, "
              "health = excluded.health, unsynced = excluded.unsynced, "
              "clock_skew_ms = excluded.clock_skew_ms, last_command = excluded.last_command")
        .bind(1, kiosk_id)
        .bind(2, to_unix_ms(at))
        .bind(3, report.health_json)
        .bind(4, sd::seq_to_db(report.unsynced))
        .bind(5, report.clock_skew_ms)
        .bind(6, sd::seq_to_db(report.last_command))
        .exec();
  });
}

StorageResult<std::optional<KioskRow>> KioskRegistry::find(std::string_view kiosk_id) {
  return sd::guarded("finding kiosk " + std::string(kiosk_id), [&]() -> std::optional<KioskRow> {
    sd::require_kind(db_, DatabaseKind::server, "reading kiosks");
    sd::Query q(db_, std::string(kSelectKiosk) + "WHERE kiosk_id = ?1");
    q.bind(1, kiosk_id);
    if (!q.step()) return std::nullopt;
    return row_from_query(q);
  });
}

StorageResult<std::vector<KioskRow>> KioskRegistry::all() {
  return sd::guarded("listing kiosks", [&] {
    sd::require_kind(db_, DatabaseKind::server, "reading kiosks");
    std::vector<KioskRow> out;
    sd::Query q(db_, std::string(kSelectKiosk) + "ORDER BY kiosk_id");
    while (q.step()) out.push_back(row_from_query(q));
    return out;
  });
}

StorageResult<std::vector<std::string>> KioskRegistry::revoked_certificate_serials() {
  return sd::guarded("listing revoked kiosk certificates", [&] {
    sd::require_kind(db_, DatabaseKind::server, "reading kiosk certificates");
    std::vector<std::string> out;
    sd::Query q(db_,
                "SELECT serial FROM kiosk_certificates WHERE revoked_at IS NOT NULL "
                "ORDER BY serial");
    while (q.step()) out.push_back(q.text(0));
    return out;
  });
}

}  // namespace einlass
