#pragma once
// The dashboard's HTTPS server on the server's io_context: each connection is a coroutine that
// owns its TLS stream; requests go to DashboardApi; GET /api/v1/live upgrades to a WebSocket that
// the live feed writes to. A timer polls the live feed while a page listens, and checks the live
// pages' sessions again. Beast and OpenSSL stay inside web_server.cpp.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace einlass {

class DashboardApi;

struct WebServerOptions {
  std::string address = "0.0.0.0";
  std::uint16_t port = 8443;  // 0: any free port; start() says which
  std::filesystem::path certificate;
  std::filesystem::path private_key;
  std::size_t max_connections = 256;
  std::size_t max_body_bytes = 64 * 1024;
  // How often the live feed looks for changes: browsers hear of an admission within this plus
  // their round trip.
  std::chrono::milliseconds poll_interval{250};
  // During a rush, changes are told at most this often: each telling recomputes the summary
  // (some 70-120 ms of the event loop at 50,000 attendees), which must not starve sync.
  std::chrono::milliseconds min_live_gap{1000};
  // How often the sessions of live pages are checked again: a page signed out, expired or
  // disabled loses its feed within this.
  std::chrono::seconds session_check{5};
  std::size_t max_queued_messages = 16;  // a live browser this far behind is dropped
  // Answers the requests that hash a password (sign-in, adding staff) on a thread of its own,
  // so a quarter second of Argon2 per attempt never stalls kiosk sync on the event loop. It must
  // have a database connection of its own. Null: everything runs on the event loop.
  DashboardApi* password_api = nullptr;
};

class WebServer {
 public:
  using LogSink = std::function<void(std::string_view)>;

  // Loads the certificate and key (errors name the file); does not bind yet.
  static std::expected<std::unique_ptr<WebServer>, std::string> create(boost::asio::io_context& io,
                                                                       DashboardApi& api,
                                                                       WebServerOptions options,
                                                                       LogSink log);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  std::expected<std::uint16_t, std::string> start();
  // Closes the listener and every connection (live sockets with a close frame); the io_context
  // runs out of this server's work once they drained.
  void stop();

 private:
  class Impl;
  explicit WebServer(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace einlass
