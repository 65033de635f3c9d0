#pragma once
// The sync endpoint: TLS 1.3 with mutual authentication on one io_context. Each connection is a
// coroutine that owns its socket; a kiosk without a certificate of the event's CA, or with a
// revoked one, is refused during the handshake, before any message is read. Every connection
// has a deadline: a silent, half-open or slow peer is dropped with a log line.
#include <chrono>
#include <cstddef>
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

class SyncHub;

struct SyncServerOptions {
  std::string address = "0.0.0.0";
  unsigned short port = 7443;
  std::filesystem::path certificate;
  std::filesystem::path private_key;
  std::filesystem::path ca;
  // A kiosk sends a heartbeat every few seconds; silence longer than this drops it.
  std::chrono::milliseconds idle_timeout{20000};
  std::chrono::milliseconds handshake_timeout{10000};
  std::size_t max_connections = 500;
  // Connections still in the TLS handshake; beyond this the oldest of them is dropped.
  std::size_t max_handshakes = 64;
  // How often the database is checked for changes made by other processes (einlass-admin).
  std::chrono::milliseconds watch_interval{250};
  // Changes are sent to connected kiosks at most this long after they were stored, batched.
  std::chrono::milliseconds fan_out_delay{50};
};

class SyncServer {
 public:
  using LogSink = std::function<void(std::string_view line)>;

  // Loads the certificates (every error names the file); does not bind yet.
  static std::expected<std::unique_ptr<SyncServer>, std::string> create(boost::asio::io_context& io,
                                                                        SyncHub& hub,
                                                                        SyncServerOptions options,
                                                                        LogSink log);
  ~SyncServer();

  // Binds and starts accepting; returns the bound port (options.port 0 picks a free one).
  std::expected<unsigned short, std::string> start();
  // Stops accepting, tells every kiosk the server is going away and closes; io.run() returns
  // once every connection has drained.
  void stop();

  std::size_t connections() const;

 private:
  class Impl;
  friend class Connection;  // a connection's coroutine (sync_server.cpp) works with Impl
  explicit SyncServer(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

}  // namespace einlass
