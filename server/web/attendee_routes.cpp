// The desk's and the admin's actions on one attendee: admit by hand, reprint a badge, cancel,
// revoke. Each needs a reason, which the desk service keeps in the audit log.
#include "web/api_reply.h"
#include "web/request_fields.h"
#include "web/route_context.h"

namespace einlass {

namespace {

struct Action {
  TicketId ticket = 0;
  nlohmann::json body;
  std::string reason;
};

Field<Action> read_action(RouteContext& c) {
  Action action;
  auto ticket = ticket_param(c.params.front());
  if (!ticket) return std::unexpected(ticket.error());
  action.ticket = *ticket;
  auto body = json_body(c.request);
  if (!body) return std::unexpected(body.error());
  auto reason = text_field(*body, "reason", true);
  if (!reason) return std::unexpected(reason.error());
  action.body = std::move(*body);
  action.reason = std::move(*reason);
  return action;
}

}  // namespace

WebResponse admit_attendee(RouteContext& c) {
  auto action = read_action(c);
  if (!action) return action.error();
  return desk_reply(c.desk.admit(action->ticket, action->reason, signed_in(c)), 201);
}

WebResponse reprint_badge(RouteContext& c) {
  auto action = read_action(c);
  if (!action) return action.error();
  auto kiosk = text_field(action->body, "kiosk", true);
  if (!kiosk) return kiosk.error();
  return desk_reply(c.desk.reprint(action->ticket, *kiosk, action->reason, signed_in(c)), 202);
}

WebResponse cancel_attendee(RouteContext& c) {
  auto action = read_action(c);
  if (!action) return action.error();
  return desk_reply(c.desk.cancel(action->ticket, action->reason, signed_in(c)), 200);
}

WebResponse revoke_attendee(RouteContext& c) {
  auto action = read_action(c);
  if (!action) return action.error();
  return desk_reply(c.desk.revoke(action->ticket, action->reason, signed_in(c)), 200);
}

}  // namespace einlass
