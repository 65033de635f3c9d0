#include "web/api_reply.h"

#include <string>

namespace einlass {

WebResponse json_reply(int status, const nlohmann::json& body) {
  WebResponse response;
  response.status = status;
  // A name that is not valid UTF-8 must not fail the answer: replace the bad bytes.
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

WebResponse error_reply(int status, std::string_view code, std::string_view message) {
  return json_reply(status, {{"error", {{"code", code}, {"message", message}}}});
}

WebResponse desk_error_reply(const DeskError& error) {
  switch (error.kind) {
    case DeskError::Kind::invalid:
      return error_reply(400, error.code.empty() ? "bad_request" : error.code, error.message);
    case DeskError::Kind::not_found:
      return error_reply(404, error.code.empty() ? "not_found" : error.code, error.message);
    case DeskError::Kind::conflict:
      return error_reply(409, error.code.empty() ? "conflict" : error.code, error.message);
    case DeskError::Kind::storage:
      break;
  }
  return error_reply(503, "storage", error.message);
}

WebResponse desk_reply(DeskResult<nlohmann::json> result, int status) {
  if (!result) return desk_error_reply(result.error());
  return json_reply(status, *result);
}

WebResponse auth_error_reply(const AuthError& error) {
  using Kind = AuthError::Kind;
  switch (error.kind) {
    case Kind::invalid:
      return error_reply(400, "invalid", error.message);
    case Kind::exists:
      return error_reply(409, "exists", error.message);
    case Kind::not_found:
      return error_reply(404, "not_found", error.message);
    case Kind::bad_credentials:
      return error_reply(401, "bad_credentials", error.message);
    case Kind::throttled: {
      auto reply = error_reply(429, "throttled", error.message);
      reply.headers.emplace_back("Retry-After", std::to_string(error.retry_after.count()));
      return reply;
    }
    case Kind::unauthenticated:
      return error_reply(401, "unauthenticated", error.message);
    case Kind::storage:
      break;
  }
  return error_reply(503, "storage", error.message);
}

}  // namespace einlass
