#pragma once
// The kiosk's local screen: a small HTTP server on 127.0.0.1 that serves the embedded page and
// pushes every ScreenView to it over a WebSocket; the page sends staff commands back the same
// way. It runs on the kiosk's io_context; Beast stays inside screen_server.cpp.
#include <cstddef>
#include <cstdint>
#include <expected>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "screen/screen_view.h"
#include "screen/staff_command.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace einlass {

struct ScreenServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  // 0: any free port; start() says which
  // Views a WebSocket client may fall behind before it is dropped (it reconnects and gets the
  // current view); a stuck browser must not hold the others up or grow memory.
  std::size_t max_queued_views = 32;
  std::size_t max_connections = 32;
};

struct ScreenError {
  std::string message;  // "screen 127.0.0.1:8080: Address already in use"
};

class ScreenServer {
 public:
  using CommandHandler = std::function<void(StaffCommand)>;
  using LogSink = std::function<void(std::string_view)>;

  // on_command and log are called on the io_context's thread. The io_context must be run by
  // one thread only (all of the server's state lives on it).
  ScreenServer(boost::asio::io_context& io, ScreenServerOptions options, CommandHandler on_command,
               LogSink log);
  // Stops if still running. Destroy the server on the io_context's thread or after run()
  // returned.
  ~ScreenServer();
  ScreenServer(const ScreenServer&) = delete;
  ScreenServer& operator=(const ScreenServer&) = delete;

  // Binds and listens; the bound port.
  std::expected<std::uint16_t, ScreenError> start();

  // Sends the view to every connected page and keeps it for pages that connect later and for
  // GET /api/view. Safe from any thread: it runs on the io_context's thread.
  void show(const ScreenView& view);

  // Closes the listener and every connection (WebSockets with a close frame); once they have
  // drained the io_context runs out of work. Safe from any thread; later calls do nothing.
  void stop();

 private:
  class Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace einlass
