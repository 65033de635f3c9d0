#include "storage/settings_repository.h"

#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

StorageResult<std::optional<std::string>> SettingsRepository::get(std::string_view key) {
  return sd::guarded("reading setting " + std::string(key), [&]() -> std::optional<std::string> {
    sd::require_kind(db_, DatabaseKind::server, "reading a setting");
    sd::Query q(db_, "SELECT value FROM settings WHERE key = ?1");
    q.bind(1, key);
    if (!q.step()) return std::nullopt;
    return q.text(0);
  });
}

StorageResult<void> SettingsRepository::set(std::string_view key, std::string_view value) {
  return sd::guarded("storing setting " + std::string(key), [&] {
    sd::require_kind(db_, DatabaseKind::server, "storing a setting");
    if (key.empty()) sd::fail(StorageError::Kind::constraint, "a setting needs a key");
    sd::Query(db_,
              "INSERT INTO settings (key, value) VALUES (?1, ?2) "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .exec();
  });
}

}  // namespace einlass
