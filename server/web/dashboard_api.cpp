#include "web/dashboard_api.h"

#include <algorithm>
#include <array>
#include <string>

#include "web/api_reply.h"
#include "web/cookie.h"
#include "web/route_context.h"

namespace einlass {

namespace {

enum class Access {
  open,     // no session needed (sign-in, the page, metrics)
  session,  // any signed-in role
  viewer,
  desk,
  admin,
};

struct Route {
  std::string_view method;
  std::string_view path;  // "/api/v1/attendees/{}/admit": {} matches one segment
  Access access;
  RouteHandler handler;
  bool hashes_password = false;  // computes an Argon2 hash: answered off the event loop
};

// Every route of docs/DASHBOARD-API.md; the role each needs is enforced here and nowhere else.
constexpr std::array kRoutes{
    Route{"POST", "/api/v1/login", Access::open, &sign_in, true},
    Route{"POST", "/api/v1/logout", Access::session, &sign_out},
    Route{"GET", "/api/v1/session", Access::session, &current_session},
    Route{"GET", "/api/v1/summary", Access::viewer, &get_summary},
    Route{"GET", "/api/v1/admissions", Access::viewer, &get_admissions},
    Route{"GET", "/api/v1/kiosks", Access::viewer, &get_kiosks},
    Route{"GET", "/api/v1/alerts", Access::viewer, &get_alerts},
    Route{"POST", "/api/v1/alerts/{}/acknowledge", Access::desk, &acknowledge_alert},
    Route{"GET", "/api/v1/attendees", Access::viewer, &search_attendees},
    Route{"GET", "/api/v1/attendees/{}", Access::viewer, &get_attendee},
    Route{"POST", "/api/v1/attendees/{}/admit", Access::desk, &admit_attendee},
    Route{"POST", "/api/v1/attendees/{}/reprint", Access::desk, &reprint_badge},
    Route{"POST", "/api/v1/attendees/{}/cancel", Access::admin, &cancel_attendee},
    Route{"POST", "/api/v1/attendees/{}/revoke", Access::admin, &revoke_attendee},
    Route{"GET", "/api/v1/export/attendance.csv", Access::admin, &get_attendance_csv},
    Route{"GET", "/api/v1/audit", Access::viewer, &get_audit},
    Route{"GET", "/api/v1/staff", Access::admin, &list_staff},
    Route{"POST", "/api/v1/staff", Access::admin, &add_staff, true},
    Route{"POST", "/api/v1/staff/{}/disable", Access::admin, &disable_staff},
    Route{"GET", "/metrics", Access::open, &get_metrics},
};

bool changes_state(std::string_view method) {
  return method != "GET" && method != "HEAD";
}

// The route's {} segments, or nullopt when the path does not match it.
std::optional<std::vector<std::string_view>> match(std::string_view pattern,
                                                   const std::vector<std::string>& segments) {
  std::vector<std::string_view> params;
  std::size_t index = 0;
  pattern.remove_prefix(1);
  while (!pattern.empty()) {
    const auto slash = pattern.find('/');
    const auto piece = pattern.substr(0, slash);
    pattern = slash == std::string_view::npos ? std::string_view{} : pattern.substr(slash + 1);
    if (index >= segments.size()) return std::nullopt;
    if (piece == "{}") {
      params.push_back(segments[index]);
    } else if (piece != segments[index]) {
      return std::nullopt;
    }
    ++index;
  }
  if (index != segments.size()) return std::nullopt;
  return params;
}

// The page's files answer every path outside the API.
bool is_page(const RequestTarget& target) {
  return !target.path.starts_with("/api/") && target.path != "/metrics";
}

struct Found {
  const Route* route = nullptr;  // null: no route of this method has the path
  std::vector<std::string_view> params;
  std::string allowed;  // the methods the path has, for a 405's Allow header
};

Found find_route(std::string_view method, const RequestTarget& target) {
  Found found;
  for (const Route& route : kRoutes) {
    auto params = match(route.path, target.segments);
    if (!params) continue;
    if (route.method == method) {
      found.route = &route;
      found.params = std::move(*params);
      return found;
    }
    if (!found.allowed.empty()) found.allowed += ", ";
    found.allowed += route.method;
  }
  return found;
}

std::optional<StaffRole> needed_role(Access access) {
  switch (access) {
    case Access::viewer:
      return StaffRole::viewer;
    case Access::desk:
      return StaffRole::desk;
    case Access::admin:
      return StaffRole::admin;
    case Access::open:
    case Access::session:
      break;
  }
  return std::nullopt;
}

// A browser names the page's origin on every state-changing request; another site's page must
// not act with our cookie (SameSite=Strict already stops it; this is the second lock).
bool same_origin(const WebRequest& request) {
  return request.origin.empty() || request.origin == "https://" + request.host;
}

}  // namespace

bool DashboardApi::is_live(const WebRequest& request) {
  const auto target = parse_request_target(request.target);
  return target && target->path == "/api/v1/live";
}

std::expected<StaffSession, WebResponse> DashboardApi::authorize_live(const WebRequest& request) {
  if (!same_origin(request)) {
    return std::unexpected(error_reply(403, "origin", "the live feed is for this site's page"));
  }
  return cookie_session(request);
}

bool DashboardApi::session_holds(const std::string& token) {
  const auto session = auth_.session(token);
  return session || session.error().kind != AuthError::Kind::unauthenticated;
}

bool DashboardApi::runs_on_worker(const WebRequest& request) const {
  const auto target = parse_request_target(request.target);
  if (!target || is_page(*target)) return false;
  const auto found = find_route(request.method, *target);
  return found.route != nullptr && found.route->hashes_password;
}

std::expected<StaffSession, WebResponse> DashboardApi::cookie_session(const WebRequest& request) {
  const auto token = find_cookie(request.cookie, kSessionCookie);
  if (!token) return std::unexpected(error_reply(401, "unauthenticated", "sign in first"));
  auto session = auth_.session(*token);
  if (!session) return std::unexpected(auth_error_reply(session.error()));
  return std::move(*session);
}

WebResponse DashboardApi::handle(const WebRequest& request) {
  const auto target = parse_request_target(request.target);
  if (!target) return error_reply(400, "bad_request", target.error());
  if (is_page(*target)) {
    if (request.method != "GET" && request.method != "HEAD") {
      auto reply = error_reply(405, "method_not_allowed", request.method + " is not allowed here");
      reply.headers.emplace_back("Allow", "GET");
      return reply;
    }
    RouteContext context{request, *target, {}, std::nullopt, desk_, auth_, accounts_, clock_};
    return get_asset(context);
  }

  auto found = find_route(request.method, *target);
  if (found.route == nullptr) {
    if (found.allowed.empty()) {
      return error_reply(404, "not_found", "no such API endpoint: " + target->path);
    }
    auto reply = error_reply(405, "method_not_allowed",
                             request.method + " is not allowed on " + target->path);
    reply.headers.emplace_back("Allow", found.allowed);
    return reply;
  }
  const Route& route = *found.route;
  RouteContext context{request,   *target, std::move(found.params), std::nullopt, desk_, auth_,
                       accounts_, clock_};
  if (changes_state(request.method) && !same_origin(request)) {
    return error_reply(403, "origin", "this request came from another site");
  }
  if (route.access != Access::open) {
    auto session = cookie_session(request);
    if (!session) return std::move(session.error());
    // The token is checked before the role, so a forged request learns nothing about roles.
    if (changes_state(request.method) &&
        (request.csrf_token.empty() || !same_secret(request.csrf_token, session->csrf_token))) {
      return error_reply(403, "csrf", "the X-CSRF-Token header is missing or wrong");
    }
    const auto role = needed_role(route.access);
    if (role && !role_allows(session->member.role, *role)) {
      return error_reply(403, "forbidden",
                         "the role " + std::string(to_string(session->member.role)) +
                             " may not do this (it needs " + std::string(to_string(*role)) + ")");
    }
    context.session = std::move(*session);
  }
  return route.handler(context);
}

void add_security_headers(WebResponse& response) {
  response.headers.emplace_back("Content-Security-Policy",
                                "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
                                "style-src 'self'; script-src 'self'; base-uri 'none'; "
                                "form-action 'self'; frame-ancestors 'none'");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  const bool has_cache_control = std::ranges::any_of(
      response.headers, [](const auto& header) { return header.first == "Cache-Control"; });
  if (!has_cache_control) response.headers.emplace_back("Cache-Control", "no-store");
}

}  // namespace einlass
