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
  // Whether the session behind a live feed still holds: false once it is signed out, expired or
  // its account disabled; true while the database cannot tell (a busy moment must not sign
  // every page out).
  bool session_holds(const std::string& token);
  // Whether answering the request hashes a password (sign-in, adding staff): web_server.cpp
  // hands those to its password thread. Decided by the same routing as handle(), so that no
  // spelling of the path ("/api/v1/login/", "/api/v1/%6Cogin") reaches them on the event loop.
  bool runs_on_worker(const WebRequest& request) const;

  DeskService& desk() { return desk_; }

 private:
  // The session the request's cookie names, or the 401 (503 for storage) that refuses it.
  std::expected<StaffSession, WebResponse> cookie_session(const WebRequest& request);

  DeskService& desk_;
  StaffAuth& auth_;
  StaffAccounts& accounts_;
  const Clock& clock_;
};

// Headers every answer carries: a strict content security policy, no sniffing, no framing, no
// referrer; Cache-Control no-store unless the answer has its own (the page's files: no-cache).
void add_security_headers(WebResponse& response);

}  // namespace einlass
