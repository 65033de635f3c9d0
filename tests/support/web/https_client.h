#pragma once
// A test's browser without the browser: HTTPS requests to the dashboard on 127.0.0.1 (verifying
// the server against the event CA), raw bytes over TLS for malformed requests, and the live
// WebSocket. Blocking, one connection per call; Beast stays inside https_client.cpp.
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace einlass::test {

struct HttpsReply {
  int status = 0;
  std::string body;
  std::multimap<std::string, std::string> headers;    // names in lower case
  std::string header(const std::string& name) const;  // the first, or ""
  nlohmann::json json() const;                        // null when the body is not JSON
};

struct HttpsRequest {
  std::string method = "GET";
  std::string target = "/";
  std::string body;
  std::string cookie;  // the Cookie header, if any
  std::string csrf;    // X-CSRF-Token, if any
  std::string origin;  // Origin, if any
  std::string content_type = "application/json";
};

class HttpsClient {
 public:
  HttpsClient(int port, std::filesystem::path ca_file);

  HttpsReply send(const HttpsRequest& request) const;
  // The bytes as they are, after the TLS handshake; what came back until the server closed or
  // `timeout` passed.
  std::string send_raw(const std::string& bytes,
                       std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;

  // A signed-in staff member's cookie and CSRF token (from POST /api/v1/login).
  struct Session {
    std::string cookie;
    std::string csrf;
  };
  std::optional<Session> sign_in(const std::string& login, const std::string& password) const;
  // A request as that staff member: cookie and token attached.
  HttpsReply as(const Session& session, std::string method, std::string target,
                std::string body = "") const;

 private:
  int port_;
  std::filesystem::path ca_file_;
};

// The live feed (wss://127.0.0.1:port/api/v1/live) as a signed-in page sees it.
class LiveSocket {
 public:
  // Throws std::runtime_error when the upgrade is refused; `refusal` then holds the status.
  LiveSocket(int port, const std::filesystem::path& ca_file, const std::string& cookie);
  ~LiveSocket();
  // The next text message, or nullopt when none came within `timeout` or the socket closed.
  std::optional<std::string> next(std::chrono::milliseconds timeout);
  // Whether the server closed the socket (seen by a next() call).
  bool closed() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The status of a refused upgrade to the live feed (0 when it was accepted).
int live_refusal(int port, const std::filesystem::path& ca_file, const std::string& cookie,
                 const std::string& origin = "");

}  // namespace einlass::test
