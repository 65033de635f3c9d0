#pragma once
// The dashboard's HTTP API (docs/DASHBOARD-API.md) and its page, as a function from request to
// response: sessions, CSRF, roles and routing live here, the work in DeskService and StaffAuth.
// No sockets: web_server.cpp feeds it, the unit tests call it directly.
#include <expected>

#include "base/time.h"
#include "desk/desk_service.h"
#include "staff/staff_auth.h"
#include "web/web_message.h"

namespace einlass {

class DashboardApi {
 public:
  DashboardApi(DeskService& desk, StaffAuth& auth, StaffAccounts& accounts, const Clock& clock)
      : desk_(desk), auth_(auth), accounts_(accounts), clock_(clock) {}

  WebResponse handle(const WebRequest& request);

  // Whether the request asks for the live feed (GET /api/v1/live).
  static bool is_live(const WebRequest& request);
  // The live feed's upgrade: the session it runs for, or the answer that refuses it (401 without
  // a session, 403 from another origin).
  std::expected<StaffSession, WebResponse> authorize_live(const WebRequest& request);
  // Whether the session behind a live feed still holds (signed out, expired, disabled).
  bool session_holds(const std::string& token);

  DeskService& desk() { return desk_; }

 private:
  DeskService& desk_;
  StaffAuth& auth_;
  StaffAccounts& accounts_;
  const Clock& clock_;
};

// Headers every answer carries: a strict content security policy, no sniffing, no framing, no
// referrer; API answers are never cached.
void add_security_headers(WebResponse& response, bool is_api);

}  // namespace einlass
