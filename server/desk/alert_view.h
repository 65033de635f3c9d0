#pragma once
// Internal to einlass_desk: an alert in the API's shape.
#include <nlohmann/json.hpp>

#include "storage/alert_repository.h"

namespace einlass::desk_detail {

nlohmann::json alert_json(const Alert& alert);

}  // namespace einlass::desk_detail
