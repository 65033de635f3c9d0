#pragma once
// Internal to einlass_desk: audit log entries in the API's shape.
#include <nlohmann/json.hpp>
#include <string_view>

#include "storage/database.h"

namespace einlass::desk_detail {

// The entries about `subject` ("T000042"), oldest first.
nlohmann::json audit_about(Database& db, std::string_view subject);

}  // namespace einlass::desk_detail
