#pragma once
// What a route's handler gets: the request, its decoded target, the path's parameters, the
// signed-in session (when the route needs one) and the services.
#include <optional>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "desk/desk_service.h"
#include "staff/staff_auth.h"
#include "web/request_target.h"
#include "web/web_message.h"

namespace einlass {

struct RouteContext {
  const WebRequest& request;
  const RequestTarget& target;
  std::vector<std::string_view> params;  // the {} segments of the route's path, in order
  std::optional<StaffSession> session;
  DeskService& desk;
  StaffAuth& auth;
  StaffAccounts& accounts;
  const Clock& clock;
};

using RouteHandler = WebResponse (*)(RouteContext& context);

// session_routes.cpp
WebResponse sign_in(RouteContext& c);
WebResponse sign_out(RouteContext& c);
WebResponse current_session(RouteContext& c);
// desk_routes.cpp
WebResponse get_summary(RouteContext& c);
WebResponse get_admissions(RouteContext& c);
WebResponse get_kiosks(RouteContext& c);
WebResponse get_alerts(RouteContext& c);
WebResponse acknowledge_alert(RouteContext& c);
WebResponse search_attendees(RouteContext& c);
WebResponse get_attendee(RouteContext& c);
WebResponse get_audit(RouteContext& c);
WebResponse get_attendance_csv(RouteContext& c);
WebResponse get_metrics(RouteContext& c);
// attendee_routes.cpp
WebResponse admit_attendee(RouteContext& c);
WebResponse reprint_badge(RouteContext& c);
WebResponse cancel_attendee(RouteContext& c);
WebResponse revoke_attendee(RouteContext& c);
// staff_routes.cpp
WebResponse list_staff(RouteContext& c);
WebResponse add_staff(RouteContext& c);
WebResponse disable_staff(RouteContext& c);
// asset_routes.cpp
WebResponse get_asset(RouteContext& c);

}  // namespace einlass
