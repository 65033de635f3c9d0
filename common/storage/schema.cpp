#include "storage/schema.h"

namespace einlass::storage_detail {

std::span<const Migration> migrations(DatabaseKind kind) {
  return kind == DatabaseKind::server ? server_migrations() : kiosk_migrations();
}

int application_id(DatabaseKind kind) {
  return kind == DatabaseKind::server ? kServerApplicationId : kKioskApplicationId;
}

}  // namespace einlass::storage_detail

namespace einlass {

int latest_schema_version(DatabaseKind kind) {
  const auto list = storage_detail::migrations(kind);
  return list.empty() ? 0 : list.back().version;
}

std::string_view to_string(DatabaseKind kind) {
  return kind == DatabaseKind::server ? "server database" : "kiosk replica";
}

}  // namespace einlass
