#pragma once
// `einlass-admin verify`: what a kiosk would decide for a code, as JSON, recording nothing.
#include <expected>
#include <nlohmann/json.hpp>
#include <string_view>

#include "admin/admin_error.h"
#include "admin/event_database.h"
#include "base/time.h"
#include "rules/entrance.h"

namespace einlass {

// Decides with everything the server knows: the registration, revocations and the admissions
// already uploaded. The JSON holds `verdict` ("admit"/"refuse"), `reason` (null or a code),
// the attendee's message in German and English, the staff explanation and the ticket's fields
// (null when the code did not verify).
std::expected<nlohmann::json, AdminError> check_code(EventDatabase& opened, std::string_view code,
                                                     Timestamp at, const Entrance& entrance);

}  // namespace einlass
