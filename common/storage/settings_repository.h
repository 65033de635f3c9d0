#pragma once
// Server only: settings kept with the event, as text by key.
#include <optional>
#include <string>
#include <string_view>

#include "storage/database.h"
#include "storage/storage_error.h"

namespace einlass {

// The "host:port" kiosk bundles point at, stored by `einlass-admin setup-server`.
inline constexpr std::string_view kSyncAddressSetting = "sync_address";

class SettingsRepository {
 public:
  explicit SettingsRepository(Database& db) : db_(db) {}

  // nullopt when the key was never set.
  StorageResult<std::optional<std::string>> get(std::string_view key);
  // Stores or replaces the value.
  StorageResult<void> set(std::string_view key, std::string_view value);

 private:
  Database& db_;
};

}  // namespace einlass
