#pragma once
// An HTTP request and response as plain values: what the dashboard's routes see and answer,
// without sockets (web_server.cpp turns them into Beast's and back).
#include <string>
#include <utility>
#include <vector>

namespace einlass {

struct WebRequest {
  std::string method;      // "GET", "POST", ...
  std::string target;      // "/api/v1/attendees?q=m%C3%BCller"
  std::string host;        // the Host header
  std::string origin;      // the Origin header; empty when the browser sent none
  std::string cookie;      // the Cookie header
  std::string csrf_token;  // the X-CSRF-Token header
  std::string body;
  std::string client;  // the peer's address, for throttling sign-ins
};

struct WebResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // Set-Cookie, Retry-After, Allow, ...
};

}  // namespace einlass
