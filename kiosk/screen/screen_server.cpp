#include "screen/screen_server.h"

// The only translation unit of the screen that includes Beast: it compiles slowly.
#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <optional>

#include "screen/screen_routes.h"

namespace einlass {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kMaxHeaderBytes = 8 * 1024;
constexpr std::size_t kMaxBodyBytes = 4 * 1024;
// Above any command, so an oversized one still reaches the parser and is refused with a log line;
// past this Beast closes the connection with "message too big".
constexpr std::size_t kMaxWebSocketMessage = 4 * kMaxStaffCommandBytes;
constexpr auto kReadTimeout = std::chrono::seconds(30);
constexpr auto kWriteTimeout = std::chrono::seconds(10);
constexpr auto kLingerTimeout = std::chrono::seconds(2);
constexpr auto kCloseTimeout = std::chrono::seconds(3);
constexpr auto kAcceptRetry = std::chrono::milliseconds(100);
constexpr std::string_view kSecurityPolicy =
    "default-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

using ViewText = std::shared_ptr<const std::string>;

std::string_view view(beast::string_view s) {
  return {s.data(), s.size()};
}

ViewText view_text(const ScreenView& screen) {
  // A name that is not valid UTF-8 must not take the screen down: replace the bad bytes.
  return std::make_shared<const std::string>(
      to_json(screen).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// The reply to a request Beast could not parse, or nothing when the peer just went away.
std::optional<unsigned> status_for_read_error(const beast::error_code& error) {
  if (error.category() != http::make_error_code(http::error::end_of_stream).category()) {
    return std::nullopt;  // timeouts, resets, aborts
  }
  if (error == http::error::end_of_stream || error == http::error::partial_message) {
    return std::nullopt;
  }
  if (error == http::error::header_limit) return 431;
  if (error == http::error::body_limit) return 413;
  return 400;
}

http::response<http::string_body> make_response(const ScreenReply& reply, unsigned version,
                                                bool keep_alive) {
  http::response<http::string_body> response{static_cast<http::status>(reply.status), version};
  response.set(http::field::server, "einlass-kiosk");
  response.set(http::field::content_type, reply.content_type);
  response.set(http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "no-referrer");
  response.set("Content-Security-Policy", kSecurityPolicy);
  if (reply.allow_header) response.set(http::field::allow, "GET");
  response.keep_alive(keep_alive);
  response.body() = reply.body;
  response.prepare_payload();
  return response;
}

struct WebSocketSession {
  explicit WebSocketSession(beast::tcp_stream stream)
      : ws(std::move(stream)), wake(ws.get_executor()) {}

  websocket::stream<beast::tcp_stream> ws;
  std::deque<ViewText> queue;
  asio::steady_timer wake;  // the writer sleeps on it while the queue is empty
  bool open = false;        // the handshake completed
  bool closing = false;     // the writer stops
  bool send_close = false;  // ... and says goodbye with a close frame (the server stops)

  // Ends the connection at once; both coroutines see errors and finish.
  void drop() {
    closing = true;
    beast::get_lowest_layer(ws).close();
    wake.cancel();
  }
};

}  // namespace

class ScreenServer::Impl : public std::enable_shared_from_this<Impl> {
 public:
  Impl(asio::io_context& io, ScreenServerOptions options, CommandHandler on_command, LogSink log)
      : io_(io),
        options_(std::move(options)),
        on_command_(std::move(on_command)),
        log_(std::move(log)),
        acceptor_(io),
        close_deadline_(io),
        current_view_(view_text(ScreenView{})) {}

  asio::io_context& io() { return io_; }

  std::expected<std::uint16_t, ScreenError> start() {
    const std::string where = "screen " + options_.address + ":" + std::to_string(options_.port);
    if (stopped_ || acceptor_.is_open()) {
      return std::unexpected(ScreenError{where + ": already started"});
    }
    beast::error_code error;
    const auto address = asio::ip::make_address(options_.address, error);
    if (error) return std::unexpected(ScreenError{where + ": not an IP address"});
    const tcp::endpoint endpoint{address, options_.port};
    acceptor_.open(endpoint.protocol(), error);
    if (!error) acceptor_.set_option(asio::socket_base::reuse_address(true), error);
    if (!error) acceptor_.bind(endpoint, error);
    if (!error) acceptor_.listen(asio::socket_base::max_listen_connections, error);
    const std::uint16_t port = error ? 0 : acceptor_.local_endpoint(error).port();
    if (error) {
      beast::error_code ignored;
      acceptor_.close(ignored);
      return std::unexpected(ScreenError{where + ": " + error.message()});
    }
    hosts_.emplace(options_.address, port);
    log("screen: serving on " + options_.address + ":" + std::to_string(port));
    asio::co_spawn(io_, accept_loop(shared_from_this()), completion());
    return port;
  }

  void publish(ViewText text) {
    current_view_ = std::move(text);
    if (stopped_) return;
    for (auto& [id, session] : sessions_) enqueue(*session, current_view_);
  }

  void stop() {
    if (stopped_) return;
    stopped_ = true;
    beast::error_code ignored;
    acceptor_.close(ignored);
    for (auto& [id, stream] : http_streams_) stream->close();
    for (auto& [id, session] : sessions_) {
      if (session->open) {
        session->closing = true;
        session->send_close = true;
        session->wake.cancel();
      } else {
        session->drop();
      }
    }
    if (!sessions_.empty()) {
      // A page that does not answer the close frame is cut off, so stop() always drains.
      close_deadline_.expires_after(kCloseTimeout);
      close_deadline_.async_wait([self = shared_from_this()](beast::error_code error) {
        if (error) return;
        for (auto& [id, session] : self->sessions_) session->drop();
      });
    }
    log("screen: stopped");
  }

  // The owner is gone: nothing may call back into it any more.
  void forget_callbacks() {
    on_command_ = nullptr;
    log_ = nullptr;
  }

 private:
  void log(std::string_view line) const {
    if (log_) log_(line);
  }

  // Completion for co_spawn: a coroutine that throws (bad_alloc) ends its connection, not the
  // kiosk.
  std::function<void(std::exception_ptr)> completion() {
    return [self = weak_from_this()](std::exception_ptr failure) {
      if (!failure) return;
      const auto impl = self.lock();
      try {
        std::rethrow_exception(failure);
      } catch (const std::exception& e) {
        if (impl) impl->log(std::string{"screen: connection failed: "} + e.what());
      } catch (...) {
        if (impl) impl->log("screen: connection failed");
      }
    };
  }

  std::size_t connection_count() const { return http_streams_.size() + sessions_.size(); }

  asio::awaitable<void> accept_loop(std::shared_ptr<Impl> self) {
    while (!stopped_) {
      auto [error, socket] = co_await acceptor_.async_accept(kNoThrow);
      if (stopped_ || error == asio::error::operation_aborted) co_return;
      if (error) {
        // Out of file descriptors and the like: wait instead of spinning.
        log("screen: accept failed: " + error.message());
        asio::steady_timer pause{io_, kAcceptRetry};
        co_await pause.async_wait(kNoThrow);
        continue;
      }
      if (connection_count() >= options_.max_connections) {
        log("screen: refused a connection, " + std::to_string(connection_count()) +
            " are open already");
        continue;  // the socket closes here
      }
      asio::co_spawn(io_, serve_http(self, std::move(socket)), completion());
    }
  }

  asio::awaitable<void> serve_http(std::shared_ptr<Impl> self, tcp::socket socket) {
    const std::uint64_t id = next_id_++;
    beast::tcp_stream stream{std::move(socket)};
    http_streams_.emplace(id, &stream);
    struct Forget {
      Impl& impl;
      std::uint64_t id;
      ~Forget() { impl.http_streams_.erase(id); }
    } forget{*this, id};

    beast::flat_buffer buffer;
    while (!stopped_) {
      http::request_parser<http::string_body> parser;
      parser.header_limit(kMaxHeaderBytes);
      parser.body_limit(kMaxBodyBytes);
      stream.expires_after(kReadTimeout);
      auto [read_error, read_bytes] = co_await http::async_read(stream, buffer, parser, kNoThrow);
      if (read_error) {
        const auto status = status_for_read_error(read_error);
        if (status && !stopped_) {
          auto response = make_response(error_reply(*status), 11, false);
          stream.expires_after(kWriteTimeout);
          auto [write_error, written] = co_await http::async_write(stream, response, kNoThrow);
          if (!write_error) co_await linger_close(stream);
        }
        co_return;
      }

      http::request<http::string_body> request = parser.release();
      const ScreenReply reply = route_screen_request(
          ScreenRequest{view(request.method_string()), view(request.target()),
                        view(request[http::field::host]), view(request[http::field::origin]),
                        websocket::is_upgrade(request)},
          *hosts_, *current_view_);
      if (reply.websocket) {
        http_streams_.erase(id);  // the session owns the connection from here on
        co_await serve_websocket(self, std::move(stream), std::move(request));
        co_return;
      }
      const bool keep_alive = request.keep_alive() && reply.status == 200;
      auto response = make_response(reply, request.version(), keep_alive);
      stream.expires_after(kWriteTimeout);
      auto [write_error, written] = co_await http::async_write(stream, response, kNoThrow);
      if (write_error) co_return;
      if (!keep_alive) {
        co_await linger_close(stream);
        co_return;
      }
    }
  }

  // Closing with unread bytes in the receive buffer sends a reset that can destroy the reply
  // before the client reads it: shut down our side and read what is left first.
  static asio::awaitable<void> linger_close(beast::tcp_stream& stream) {
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    std::array<char, 4096> sink;
    std::size_t drained = 0;
    stream.expires_after(kLingerTimeout);
    while (drained < (std::size_t{1} << 20)) {
      auto [error, n] = co_await stream.async_read_some(asio::buffer(sink), kNoThrow);
      if (error) break;
      drained += n;
    }
  }

  asio::awaitable<void> serve_websocket(std::shared_ptr<Impl> self, beast::tcp_stream stream,
                                        http::request<http::string_body> request) {
    stream.expires_never();  // the WebSocket keeps its own timeouts
    auto session = std::make_shared<WebSocketSession>(std::move(stream));
    const std::uint64_t id = next_id_++;
    sessions_.emplace(id, session);
    struct Forget {
      Impl& impl;
      std::uint64_t id;
      ~Forget() {
        impl.sessions_.erase(id);
        if (impl.stopped_ && impl.sessions_.empty()) impl.close_deadline_.cancel();
      }
    } forget{*this, id};

    session->ws.set_option(websocket::stream_base::timeout{
        kCloseTimeout,             // opening and closing handshakes
        std::chrono::seconds(20),  // silence before a ping, then before giving up
        true});
    session->ws.set_option(
        websocket::stream_base::decorator([](websocket::response_type& response) {
          response.set(http::field::server, "einlass-kiosk");
        }));
    session->ws.read_message_max(kMaxWebSocketMessage);
    auto [accept_error] = co_await session->ws.async_accept(request, kNoThrow);
    if (accept_error || stopped_) {
      session->drop();
      co_return;
    }
    session->open = true;
    log("screen: page connected");
    enqueue(*session, current_view_);
    asio::co_spawn(io_, write_loop(self, session), completion());

    beast::flat_buffer buffer;
    for (;;) {
      auto [read_error, n] = co_await session->ws.async_read(buffer, kNoThrow);
      if (read_error) {
        if (read_error == websocket::error::closed) {
          log("screen: page disconnected");
        } else if (read_error != asio::error::operation_aborted) {
          log("screen: page connection ended: " + read_error.message());
        }
        break;
      }
      if (session->ws.got_text()) {
        handle_message(beast::buffers_to_string(buffer.data()));
      } else {
        log("screen: ignored a binary message from the page");
      }
      buffer.consume(buffer.size());
    }
    session->drop();
  }

  asio::awaitable<void> write_loop(std::shared_ptr<Impl> self,
                                   std::shared_ptr<WebSocketSession> session) {
    while (!session->closing) {
      if (session->queue.empty()) {
        session->wake.expires_at(asio::steady_timer::time_point::max());
        co_await session->wake.async_wait(kNoThrow);
        continue;
      }
      const ViewText next = session->queue.front();
      session->ws.text(true);
      auto [error, n] = co_await session->ws.async_write(asio::buffer(*next), kNoThrow);
      if (error) {
        session->drop();
        co_return;
      }
      session->queue.pop_front();
    }
    if (session->send_close) {
      co_await session->ws.async_close(websocket::close_code::going_away, kNoThrow);
    }
    (void)self;
  }

  void enqueue(WebSocketSession& session, const ViewText& text) {
    if (!session.open || session.closing) return;
    if (session.queue.size() >= options_.max_queued_views) {
      log("screen: dropped a page that fell " + std::to_string(session.queue.size()) +
          " views behind");
      session.drop();
      return;
    }
    session.queue.push_back(text);
    session.wake.cancel();
  }

  void handle_message(std::string_view text) {
    auto command = parse_staff_command(text);
    if (!command) {
      log("screen: ignored a message from the page: " + command.error());
      return;
    }
    if (stopped_ || !on_command_) return;
    try {
      on_command_(std::move(*command));
    } catch (const std::exception& e) {
      log("screen: staff command failed: " + std::string{e.what()});
    }
  }

  asio::io_context& io_;
  ScreenServerOptions options_;
  CommandHandler on_command_;
  LogSink log_;
  tcp::acceptor acceptor_;
  asio::steady_timer close_deadline_;
  std::optional<HostPolicy> hosts_;
  ViewText current_view_;
  bool stopped_ = false;
  std::uint64_t next_id_ = 0;
  // Open connections, so stop() can close them; each coroutine removes its own entry.
  std::map<std::uint64_t, beast::tcp_stream*> http_streams_;
  std::map<std::uint64_t, std::shared_ptr<WebSocketSession>> sessions_;
};

ScreenServer::ScreenServer(asio::io_context& io, ScreenServerOptions options,
                           CommandHandler on_command, LogSink log)
    : impl_(std::make_shared<Impl>(io, std::move(options), std::move(on_command), std::move(log))) {
}

ScreenServer::~ScreenServer() {
  impl_->stop();
  impl_->forget_callbacks();
}

std::expected<std::uint16_t, ScreenError> ScreenServer::start() {
  return impl_->start();
}

void ScreenServer::show(const ScreenView& screen) {
  asio::dispatch(impl_->io().get_executor(), [impl = impl_, text = view_text(screen)]() mutable {
    impl->publish(std::move(text));
  });
}

void ScreenServer::stop() {
  asio::dispatch(impl_->io().get_executor(), [impl = impl_] { impl->stop(); });
}

}  // namespace einlass
