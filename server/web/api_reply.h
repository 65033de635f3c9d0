#pragma once
// The API's answers: JSON bodies, and errors as {"error": {"code", "message"}} with the status
// code each kind of failure has (docs/DASHBOARD-API.md).
#include <nlohmann/json.hpp>
#include <string_view>

#include "desk/desk_service.h"
#include "staff/staff_auth.h"
#include "web/web_message.h"

namespace einlass {

WebResponse json_reply(int status, const nlohmann::json& body);
WebResponse error_reply(int status, std::string_view code, std::string_view message);
WebResponse desk_error_reply(const DeskError& error);
// The desk service's answer as JSON with `status`, or its error.
WebResponse desk_reply(DeskResult<nlohmann::json> result, int status = 200);
WebResponse auth_error_reply(const AuthError& error);

}  // namespace einlass
