#pragma once
// What the screen's HTTP server answers, decided without sockets so every case is testable:
// the embedded page, the current view as JSON, the WebSocket at /ws, and errors for the rest.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace einlass {

// The Host (and Origin) names the server answers to. A web page anywhere can point a name of its
// own at 127.0.0.1 (DNS rebinding) and would then read attendee names from /api/view or send staff
// commands; checking the name the browser thinks it talks to stops that.
class HostPolicy {
 public:
  // Loopback names and the bound address itself, on the bound port. A wildcard address
  // ("0.0.0.0", "::") accepts any name: the screen is then served to other machines on purpose.
  HostPolicy(std::string_view bound_address, std::uint16_t port);

  bool allows_host(std::string_view host_header) const;
  // An Origin header ("http://127.0.0.1:8080"); browsers send one with every WebSocket upgrade.
  bool allows_origin(std::string_view origin_header) const;

 private:
  std::vector<std::string> names_;
  std::uint16_t port_ = 0;
  bool any_ = false;
};

struct ScreenRequest {
  std::string_view method;  // "GET"
  std::string_view target;  // "/app.js?v=2"
  std::string_view host;    // empty when the header is missing
  std::string_view origin;  // empty when the header is missing
  bool websocket_upgrade = false;
};

struct ScreenReply {
  unsigned status = 200;
  std::string_view content_type;
  std::string body;
  bool websocket = false;     // accept the upgrade instead of answering
  bool allow_header = false;  // a 405: say that GET is allowed
};

ScreenReply route_screen_request(const ScreenRequest& request, const HostPolicy& hosts,
                                 const std::string& current_view_json);

// A plain-text reply for a request the server could not even parse (400, 413, 431).
ScreenReply error_reply(unsigned status);

}  // namespace einlass
