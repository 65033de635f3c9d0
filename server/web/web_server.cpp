#include "web/web_server.h"

// The only translation unit of the web server that includes Beast and Asio's TLS: they compile
// slowly.
#include <algorithm>
#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <deque>
#include <exception>
#include <map>

#include "web/api_reply.h"
#include "web/dashboard_api.h"
#include "web/live_feed.h"

namespace einlass {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kMaxHeaderBytes = 8 * 1024;
constexpr auto kHandshakeTimeout = std::chrono::seconds(10);
constexpr auto kReadTimeout = std::chrono::seconds(60);
constexpr auto kWriteTimeout = std::chrono::seconds(10);
constexpr auto kCloseTimeout = std::chrono::seconds(3);
constexpr auto kLingerTimeout = std::chrono::seconds(2);
constexpr std::size_t kMaxDrainBytes = 16 * 1024 * 1024;
constexpr auto kAcceptRetry = std::chrono::milliseconds(100);

using TlsStream = ssl::stream<beast::tcp_stream>;
using Message = std::shared_ptr<const std::string>;

std::string text(beast::string_view s) {
  return {s.data(), s.size()};
}

// The answer to a request Beast could not parse, or nothing when the peer just went away.
std::optional<WebResponse> reply_for_read_error(const beast::error_code& error,
                                                std::size_t max_body) {
  if (error.category() != http::make_error_code(http::error::end_of_stream).category()) {
    return std::nullopt;  // timeouts, resets, TLS failures
  }
  if (error == http::error::end_of_stream || error == http::error::partial_message) {
    return std::nullopt;
  }
  if (error == http::error::header_limit) {
    return error_reply(431, "too_large", "the request's headers exceed 8 KiB");
  }
  if (error == http::error::body_limit) {
    return error_reply(413, "too_large",
                       "the request body exceeds " + std::to_string(max_body / 1024) + " KiB");
  }
  return error_reply(400, "bad_request", "not a valid HTTP request: " + error.message());
}

http::response<http::string_body> to_beast(WebResponse reply, unsigned version, bool keep_alive) {
  add_security_headers(reply);
  http::response<http::string_body> response{static_cast<http::status>(reply.status), version};
  response.set(http::field::server, "einlass-server");
  if (!reply.content_type.empty()) response.set(http::field::content_type, reply.content_type);
  for (const auto& [name, value] : reply.headers) response.insert(name, value);
  response.keep_alive(keep_alive);
  response.body() = std::move(reply.body);
  response.prepare_payload();
  return response;
}

// What an error answer says ({"error": {"message": ...}}), for the log.
std::string error_message(const WebResponse& reply) {
  const auto body = nlohmann::json::parse(reply.body, nullptr, false);
  const nlohmann::json::json_pointer at("/error/message");
  if (body.is_object() && body.contains(at) && body[at].is_string()) {
    return body[at].get<std::string>();
  }
  return reply.body.substr(0, 200);
}

struct LiveSession {
  LiveSession(TlsStream stream, std::string session_token)
      : ws(std::move(stream)), wake(ws.get_executor()), token(std::move(session_token)) {}

  websocket::stream<TlsStream> ws;
  asio::steady_timer wake;  // the writer sleeps on it while the queue is empty
  std::string token;        // the staff session it runs for; checked again now and then
  std::deque<Message> queue;
  bool open = false;  // the handshake completed: hello goes first, then the changes
  bool closing = false;
  bool send_close = false;

  void drop() {
    closing = true;
    beast::get_lowest_layer(ws).close();
    wake.cancel();
  }
};

}  // namespace

class WebServer::Impl : public std::enable_shared_from_this<Impl> {
 public:
  Impl(asio::io_context& io, DashboardApi& api, WebServerOptions options, LogSink log)
      : io_(io),
        api_(api),
        options_(std::move(options)),
        log_(std::move(log)),
        tls_(ssl::context::tls_server),
        acceptor_(io),
        ticker_(io),
        close_deadline_(io),
        feed_(api.desk()),
        password_worker_(1) {}

  std::expected<void, std::string> load_certificate() {
    beast::error_code ec;
    tls_.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                         ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                         ssl::context::no_tlsv1_1 | ssl::context::no_tlsv1_2,
                     ec);
    tls_.use_certificate_chain_file(options_.certificate.string(), ec);
    if (ec) return std::unexpected(options_.certificate.string() + ": " + ec.message());
    tls_.use_private_key_file(options_.private_key.string(), ssl::context::pem, ec);
    if (ec) return std::unexpected(options_.private_key.string() + ": " + ec.message());
    return {};
  }

  std::expected<std::uint16_t, std::string> start() {
    const std::string where = "web " + options_.address + ":" + std::to_string(options_.port);
    beast::error_code error;
    const auto address = asio::ip::make_address(options_.address, error);
    if (error) return std::unexpected(where + ": not an IP address");
    const tcp::endpoint endpoint{address, options_.port};
    acceptor_.open(endpoint.protocol(), error);
    if (!error) acceptor_.set_option(asio::socket_base::reuse_address(true), error);
    if (!error) acceptor_.bind(endpoint, error);
    if (!error) acceptor_.listen(asio::socket_base::max_listen_connections, error);
    const std::uint16_t port = error ? 0 : acceptor_.local_endpoint(error).port();
    if (error) {
      beast::error_code ignored;
      acceptor_.close(ignored);
      return std::unexpected(where + ": " + error.message());
    }
    feed_.poll();  // the starting point: browsers hear of changes after it
    asio::co_spawn(io_, accept_loop(shared_from_this()), completion());
    asio::co_spawn(io_, tick_loop(shared_from_this()), completion());
    return port;
  }

  void stop() {
    if (stopped_) return;
    stopped_ = true;
    beast::error_code ignored;
    acceptor_.close(ignored);
    ticker_.cancel();
    for (auto& [id, stream] : http_streams_) beast::get_lowest_layer(*stream).close();
    for (auto& [id, session] : live_) {
      session->closing = true;
      session->send_close = true;
      session->wake.cancel();
    }
    if (!live_.empty()) {
      close_deadline_.expires_after(kCloseTimeout);
      close_deadline_.async_wait([self = shared_from_this()](beast::error_code error) {
        if (error) return;
        for (auto& [id, session] : self->live_) session->drop();
      });
    }
  }

  void forget_log() { log_ = nullptr; }

 private:
  void log(std::string_view line) const {
    if (log_) log_(line);
  }

  std::function<void(std::exception_ptr)> completion() {
    return [self = weak_from_this()](std::exception_ptr failure) {
      if (!failure) return;
      const auto impl = self.lock();
      try {
        std::rethrow_exception(failure);
      } catch (const std::exception& e) {
        if (impl) impl->log(std::string("web: connection failed: ") + e.what());
      } catch (...) {
        if (impl) impl->log("web: connection failed");
      }
    };
  }

  asio::awaitable<void> accept_loop(std::shared_ptr<Impl> self) {
    while (!stopped_) {
      auto [error, socket] = co_await acceptor_.async_accept(kNoThrow);
      if (stopped_ || error == asio::error::operation_aborted) co_return;
      if (error) {
        log("web: accept failed: " + error.message());
        asio::steady_timer pause{io_, kAcceptRetry};
        co_await pause.async_wait(kNoThrow);
        continue;
      }
      if (http_streams_.size() + live_.size() >= options_.max_connections) {
        log("web: refused a connection, " + std::to_string(options_.max_connections) +
            " are open already");
        continue;
      }
      asio::co_spawn(io_, serve(self, std::move(socket)), completion());
    }
  }

  asio::awaitable<void> serve(std::shared_ptr<Impl> self, tcp::socket socket) {
    beast::error_code ignored;
    const auto peer = socket.remote_endpoint(ignored);
    const std::string client = ignored ? std::string("?") : peer.address().to_string();
    const std::uint64_t id = next_id_++;
    TlsStream stream{beast::tcp_stream(std::move(socket)), tls_};
    http_streams_.emplace(id, &stream);
    struct Forget {
      Impl& impl;
      std::uint64_t id;
      bool done = false;
      ~Forget() {
        if (!done) impl.http_streams_.erase(id);
      }
    } forget{*this, id};

    beast::get_lowest_layer(stream).expires_after(kHandshakeTimeout);
    auto [handshake_error] = co_await stream.async_handshake(ssl::stream_base::server, kNoThrow);
    if (handshake_error) co_return;  // scanners and plain-HTTP visitors: not worth a log line

    beast::flat_buffer buffer;
    while (!stopped_) {
      http::request_parser<http::string_body> parser;
      parser.header_limit(kMaxHeaderBytes);
      parser.body_limit(options_.max_body_bytes);
      beast::get_lowest_layer(stream).expires_after(kReadTimeout);
      auto [read_error, n] = co_await http::async_read(stream, buffer, parser, kNoThrow);
      if (read_error) {
        if (auto reply = reply_for_read_error(read_error, options_.max_body_bytes);
            reply && !stopped_) {
          auto response = to_beast(std::move(*reply), 11, false);
          beast::get_lowest_layer(stream).expires_after(kWriteTimeout);
          co_await http::async_write(stream, response, kNoThrow);
          co_await drain(stream);
          co_await close(stream);
        }
        co_return;
      }
      auto request = parser.release();
      WebRequest web{text(request.method_string()),      text(request.target()),
                     text(request[http::field::host]),   text(request[http::field::origin]),
                     text(request[http::field::cookie]), text(request["X-CSRF-Token"]),
                     std::move(request.body()),          client};
      if (websocket::is_upgrade(request) && DashboardApi::is_live(web)) {
        auto session = api_.authorize_live(web);
        if (session) {
          http_streams_.erase(id);
          forget.done = true;
          co_await serve_live(self, std::move(stream), std::move(request), session->token);
          co_return;
        }
        auto response = to_beast(std::move(session.error()), request.version(), false);
        beast::get_lowest_layer(stream).expires_after(kWriteTimeout);
        co_await http::async_write(stream, response, kNoThrow);
        co_await close(stream);
        co_return;
      }
      WebResponse reply;
      try {
        if (options_.password_api != nullptr && api_.runs_on_worker(web)) {
          reply = co_await asio::co_spawn(
              password_worker_,
              [api = options_.password_api, &web]() -> asio::awaitable<WebResponse> {
                co_return api->handle(web);
              },
              asio::use_awaitable);
        } else {
          reply = api_.handle(web);
        }
      } catch (const std::exception& e) {
        log(std::string("web: ") + web.method + " " + web.target.substr(0, 80) +
            " failed: " + e.what());
        reply = error_reply(500, "internal", "the server failed on this request");
      }
      if (reply.status >= 500)
        log("web: " + web.method + " " + web.target.substr(0, 80) + " answered " +
            std::to_string(reply.status) + ": " + error_message(reply));
      const bool keep_alive = request.keep_alive() && reply.status < 400;
      auto response = to_beast(std::move(reply), request.version(), keep_alive);
      beast::get_lowest_layer(stream).expires_after(kWriteTimeout);
      auto [write_error, written] = co_await http::async_write(stream, response, kNoThrow);
      if (write_error) co_return;
      if (!keep_alive) {
        co_await close(stream);
        co_return;
      }
    }
  }

  // A client still sending the body we refused would get a reset that destroys our answer
  // before it reads it: take (and drop) what it sends for a moment first.
  static asio::awaitable<void> drain(TlsStream& stream) {
    std::array<char, 16 * 1024> sink;
    std::size_t drained = 0;
    beast::get_lowest_layer(stream).expires_after(kLingerTimeout);
    while (drained < kMaxDrainBytes) {
      auto [error, n] = co_await stream.async_read_some(asio::buffer(sink), kNoThrow);
      if (error) break;
      drained += n;
    }
  }

  static asio::awaitable<void> close(TlsStream& stream) {
    beast::get_lowest_layer(stream).expires_after(kCloseTimeout);
    co_await stream.async_shutdown(kNoThrow);
  }

  asio::awaitable<void> serve_live(std::shared_ptr<Impl> self, TlsStream stream,
                                   http::request<http::string_body> request, std::string token) {
    beast::get_lowest_layer(stream).expires_never();  // the WebSocket keeps its own timeouts
    auto session = std::make_shared<LiveSession>(std::move(stream), std::move(token));
    const std::uint64_t id = next_id_++;
    live_.emplace(id, session);
    struct Forget {
      Impl& impl;
      std::uint64_t id;
      ~Forget() {
        impl.live_.erase(id);
        if (impl.stopped_ && impl.live_.empty()) impl.close_deadline_.cancel();
      }
    } forget{*this, id};

    session->ws.set_option(
        websocket::stream_base::timeout{kCloseTimeout, std::chrono::seconds(20), true});
    session->ws.set_option(
        websocket::stream_base::decorator([](websocket::response_type& response) {
          response.set(http::field::server, "einlass-server");
        }));
    session->ws.read_message_max(4096);
    auto [accept_error] = co_await session->ws.async_accept(request, kNoThrow);
    if (accept_error || stopped_) {
      session->drop();
      co_return;
    }
    session->open = true;
    enqueue(*session, std::make_shared<const std::string>(LiveFeed::hello()));
    asio::co_spawn(io_, write_loop(self, session), completion());
    beast::flat_buffer buffer;
    for (;;) {
      // The page sends nothing; reading keeps pings and the close handshake going.
      auto [read_error, n] = co_await session->ws.async_read(buffer, kNoThrow);
      if (read_error) break;
      buffer.consume(buffer.size());
    }
    session->drop();
  }

  asio::awaitable<void> write_loop(std::shared_ptr<Impl> self,
                                   std::shared_ptr<LiveSession> session) {
    while (!session->closing) {
      if (session->queue.empty()) {
        session->wake.expires_at(asio::steady_timer::time_point::max());
        co_await session->wake.async_wait(kNoThrow);
        continue;
      }
      const Message next = session->queue.front();
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

  void enqueue(LiveSession& session, Message message) {
    if (!session.open || session.closing) return;
    if (session.queue.size() >= options_.max_queued_messages) {
      log("web: dropped a live page that fell behind");
      session.drop();
      return;
    }
    session.queue.push_back(std::move(message));
    session.wake.cancel();
  }

  bool anyone_listens() const {
    return std::ranges::any_of(live_, [](const auto& entry) { return entry.second->open; });
  }

  asio::awaitable<void> tick_loop(std::shared_ptr<Impl> self) {
    auto next_check = std::chrono::steady_clock::now();
    auto next_telling = next_check;
    while (!stopped_) {
      ticker_.expires_after(options_.poll_interval);
      auto [error] = co_await ticker_.async_wait(kNoThrow);
      if (error || stopped_) co_return;
      // Without a page listening, nothing is read: a page loads everything when it opens.
      if (!anyone_listens()) continue;
      if (std::chrono::steady_clock::now() >= next_telling) {
        if (auto message = feed_.poll()) {
          next_telling = std::chrono::steady_clock::now() + options_.min_live_gap;
          const auto shared = std::make_shared<const std::string>(std::move(*message));
          for (auto& [id, session] : live_) enqueue(*session, shared);
        }
      }
      if (std::chrono::steady_clock::now() < next_check) continue;
      next_check = std::chrono::steady_clock::now() + options_.session_check;
      // A signed-out, expired or disabled session loses its live feed too.
      for (auto& [id, session] : live_) {
        if (!api_.session_holds(session->token)) {
          session->closing = true;
          session->send_close = true;
          session->wake.cancel();
        }
      }
    }
    (void)self;
  }

  asio::io_context& io_;
  DashboardApi& api_;
  WebServerOptions options_;
  LogSink log_;
  ssl::context tls_;
  tcp::acceptor acceptor_;
  asio::steady_timer ticker_;
  asio::steady_timer close_deadline_;
  LiveFeed feed_;
  asio::thread_pool password_worker_;
  bool stopped_ = false;
  std::uint64_t next_id_ = 0;
  std::map<std::uint64_t, TlsStream*> http_streams_;
  std::map<std::uint64_t, std::shared_ptr<LiveSession>> live_;
};

std::expected<std::unique_ptr<WebServer>, std::string> WebServer::create(asio::io_context& io,
                                                                         DashboardApi& api,
                                                                         WebServerOptions options,
                                                                         LogSink log) {
  auto impl = std::make_shared<Impl>(io, api, std::move(options), std::move(log));
  if (auto loaded = impl->load_certificate(); !loaded) return std::unexpected(loaded.error());
  return std::unique_ptr<WebServer>(new WebServer(std::move(impl)));
}

WebServer::WebServer(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

WebServer::~WebServer() {
  impl_->stop();
  impl_->forget_log();
}

std::expected<std::uint16_t, std::string> WebServer::start() {
  return impl_->start();
}

void WebServer::stop() {
  impl_->stop();
}

}  // namespace einlass
