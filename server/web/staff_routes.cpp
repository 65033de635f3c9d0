// The admin's staff management: list, add, disable.
#include "web/api_reply.h"
#include "web/request_fields.h"
#include "web/route_context.h"

namespace einlass {

namespace {

nlohmann::json member_json(const StaffMember& member) {
  return {{"login", member.login},
          {"role", to_string(member.role)},
          {"created_at", to_unix_ms(member.created_at)},
          {"disabled_at", member.disabled_at ? nlohmann::json(to_unix_ms(*member.disabled_at))
                                             : nlohmann::json(nullptr)}};
}

std::string actor(const RouteContext& c) {
  return "staff:" + std::string(signed_in(c));
}

WebResponse member_of(RouteContext& c, std::string_view login) {
  auto member = c.accounts.find(login);
  if (!member) return auth_error_reply(member.error());
  return json_reply(200, member_json(*member));
}

}  // namespace

WebResponse list_staff(RouteContext& c) {
  auto members = c.accounts.list();
  if (!members) return auth_error_reply(members.error());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& member : *members) items.push_back(member_json(member));
  return json_reply(200, {{"items", items}});
}

WebResponse add_staff(RouteContext& c) {
  auto body = json_body(c.request);
  if (!body) return body.error();
  auto login = text_field(*body, "login", true);
  if (!login) return login.error();
  auto role_text = text_field(*body, "role", true);
  if (!role_text) return role_text.error();
  auto password = text_field(*body, "password", true);
  if (!password) return password.error();
  const auto role = staff_role_from_string(*role_text);
  if (!role) return error_reply(400, "invalid", "role must be viewer, desk or admin");
  auto member = c.accounts.add(*login, *role, *password, actor(c));
  if (!member) return auth_error_reply(member.error());
  return json_reply(201, member_json(*member));
}

WebResponse disable_staff(RouteContext& c) {
  const std::string login(c.params.front());
  if (auto done = c.accounts.disable(login, actor(c)); !done) return auth_error_reply(done.error());
  return member_of(c, login);
}

}  // namespace einlass
