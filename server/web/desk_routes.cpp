// The dashboard's reads: summary, admissions, kiosks, alerts, search, attendee, audit, export,
// metrics; and acknowledging an alert.
#include "web/api_reply.h"
#include "web/request_fields.h"
#include "web/route_context.h"

namespace einlass {

namespace {

WebResponse text_answer(DeskResult<std::string> result, std::string content_type) {
  if (!result) return desk_error_reply(result.error());
  WebResponse reply;
  reply.content_type = std::move(content_type);
  reply.body = std::move(*result);
  return reply;
}

}  // namespace

WebResponse get_summary(RouteContext& c) {
  return desk_reply(c.desk.summary());
}

WebResponse get_admissions(RouteContext& c) {
  AdmissionFilter filter;
  auto day = query_number(c.target, "day", 0, 0, 366);
  if (!day) return day.error();
  if (*day > 0) filter.day = static_cast<int>(*day);
  auto limit = query_number(c.target, "limit", 50, 1, 200);
  if (!limit) return limit.error();
  filter.limit = static_cast<std::size_t>(*limit);
  filter.kiosk = std::string(c.target.param("kiosk").value_or(""));
  filter.kind = std::string(c.target.param("kind").value_or(""));
  if (!filter.kind.empty() && filter.kind != "entry" && filter.kind != "exit" &&
      filter.kind != "manual_entry") {
    return error_reply(400, "bad_request", "kind must be entry, exit or manual_entry");
  }
  if (const auto ticket = c.target.param("ticket"); ticket && !ticket->empty()) {
    auto id = ticket_param(*ticket);
    if (!id) return error_reply(400, "bad_request", "ticket is not a ticket id");
    filter.ticket = *id;
  }
  if (const auto before = c.target.param("before"); before && !before->empty()) {
    filter.before = std::string(*before);
  }
  return desk_reply(c.desk.admissions(filter));
}

WebResponse get_kiosks(RouteContext& c) {
  return desk_reply(c.desk.kiosks());
}

WebResponse get_alerts(RouteContext& c) {
  const auto all = c.target.param("all");
  return desk_reply(c.desk.alerts(all && (*all == "1" || *all == "true")));
}

WebResponse acknowledge_alert(RouteContext& c) {
  auto id = id_param(c.params.front(), "alert");
  if (!id) return id.error();
  return desk_reply(c.desk.acknowledge_alert(*id, signed_in(c)));
}

WebResponse search_attendees(RouteContext& c) {
  auto limit = query_number(c.target, "limit", 20, 1, 100);
  if (!limit) return limit.error();
  const auto query = c.target.param("q").value_or("");
  if (query.size() > 200) return error_reply(400, "bad_request", "q is longer than 200 bytes");
  return desk_reply(c.desk.search(query, static_cast<std::size_t>(*limit)));
}

WebResponse get_attendee(RouteContext& c) {
  auto ticket = ticket_param(c.params.front());
  if (!ticket) return ticket.error();
  return desk_reply(c.desk.attendee(*ticket));
}

WebResponse get_audit(RouteContext& c) {
  auto limit = query_number(c.target, "limit", 50, 1, 200);
  if (!limit) return limit.error();
  auto before = query_number(c.target, "before", 0, 0, INT64_MAX);
  if (!before) return before.error();
  return desk_reply(c.desk.audit(*before > 0 ? std::optional<std::int64_t>(*before) : std::nullopt,
                                 static_cast<std::size_t>(*limit)));
}

WebResponse get_attendance_csv(RouteContext& c) {
  auto reply = text_answer(c.desk.attendance_csv(), "text/csv; charset=utf-8");
  if (reply.status == 200) {
    reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"attendance.csv\"");
  }
  return reply;
}

WebResponse get_metrics(RouteContext& c) {
  return text_answer(c.desk.metrics(), "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace einlass
