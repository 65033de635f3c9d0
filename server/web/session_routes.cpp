// POST /api/v1/login, POST /api/v1/logout, GET /api/v1/session.
#include <chrono>

#include "web/api_reply.h"
#include "web/cookie.h"
#include "web/request_fields.h"
#include "web/route_context.h"

namespace einlass {

namespace {

nlohmann::json session_json(const StaffSession& session) {
  return {{"login", session.member.login},
          {"role", to_string(session.member.role)},
          {"csrf_token", session.csrf_token},
          {"expires_at", to_unix_ms(session.expires_at)}};
}

}  // namespace

WebResponse sign_in(RouteContext& c) {
  auto body = json_body(c.request);
  if (!body) return body.error();
  auto login = text_field(*body, "login", true);
  if (!login) return login.error();
  auto password = text_field(*body, "password", true);
  if (!password) return password.error();
  auto session = c.auth.sign_in(*login, *password, c.request.client);
  if (!session) return auth_error_reply(session.error());
  auto reply = json_reply(200, session_json(*session));
  const auto lifetime =
      std::chrono::duration_cast<std::chrono::seconds>(session->expires_at - c.clock.now());
  reply.headers.emplace_back("Set-Cookie", session_cookie(session->token, lifetime));
  return reply;
}

WebResponse sign_out(RouteContext& c) {
  if (auto done = c.auth.sign_out(c.session->token); !done) return auth_error_reply(done.error());
  WebResponse reply;
  reply.status = 204;
  reply.content_type.clear();
  reply.headers.emplace_back("Set-Cookie", session_cookie("", std::chrono::seconds(0)));
  return reply;
}

WebResponse current_session(RouteContext& c) {
  return json_reply(200, session_json(*c.session));
}

}  // namespace einlass
