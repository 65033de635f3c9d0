#include "screen/screen_server.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <catch2/catch.hpp>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "screen/screen_assets.h"

using namespace einlass;
using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using nlohmann::json;

namespace {

constexpr auto kTimeout = 5s;

// Drives a client's io_context until the operation behind `future` completes; the tests never
// block without a limit.
template <class T>
T await(asio::io_context& io, std::future<T> future) {
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  while (future.wait_for(0s) != std::future_status::ready &&
         std::chrono::steady_clock::now() < deadline) {
    io.restart();
    io.run_for(20ms);
  }
  REQUIRE(future.wait_for(0s) == std::future_status::ready);
  return future.get();
}

// Like await(), for an operation expected to fail: its error instead of an exception.
// `start(handler)` begins the operation with the given completion handler.
template <class Start>
beast::error_code await_error(asio::io_context& io, Start start) {
  auto promise = std::make_shared<std::promise<beast::error_code>>();
  auto future = promise->get_future();
  start([promise](beast::error_code error, std::size_t) { promise->set_value(error); });
  return await(io, std::move(future));
}

tcp::endpoint loopback(std::uint16_t port) {
  return {asio::ip::make_address("127.0.0.1"), port};
}

std::string host_of(std::uint16_t port) {
  return "127.0.0.1:" + std::to_string(port);
}

// A server running on its own thread, as in the kiosk, recording commands and log lines.
class RunningServer {
 public:
  explicit RunningServer(ScreenServerOptions options = {})
      : server_(
            io_, std::move(options),
            [this](StaffCommand command) {
              if (throw_on_command_) throw std::runtime_error("kiosk busy");
              record([&] { commands_.push_back(std::move(command)); });
            },
            [this](std::string_view line) { record([&] { log_.emplace_back(line); }); }) {
    auto port = server_.start();
    if (!port) FAIL(port.error().message);
    port_ = *port;
    thread_ = std::thread([this] {
      io_.run();
      record([&] { finished_ = true; });
    });
  }

  ~RunningServer() {
    server_.stop();
    thread_.join();
  }

  std::uint16_t port() const { return port_; }
  ScreenServer& server() { return server_; }
  void throw_on_command() { throw_on_command_ = true; }

  // Waits until `done()` holds (checked under the lock); false after the timeout.
  template <class Predicate>
  bool wait_until(Predicate done) {
    std::unique_lock lock{mutex_};
    return changed_.wait_for(lock, kTimeout, [&] { return done(); });
  }

  bool logged(std::string_view text) {
    return wait_until([&] { return in_log(text); });
  }
  bool logged_already(std::string_view text) {
    std::lock_guard lock{mutex_};
    return in_log(text);
  }

  std::string log_text() {
    std::lock_guard lock{mutex_};
    std::string text;
    for (const std::string& line : log_) text += line + "\n";
    return text;
  }

  std::vector<StaffCommand> commands() {
    std::lock_guard lock{mutex_};
    return commands_;
  }
  bool wait_for_commands(std::size_t n) {
    return wait_until([&] { return commands_.size() >= n; });
  }
  bool wait_until_finished() {
    return wait_until([&] { return finished_; });
  }

 private:
  bool in_log(std::string_view text) const {
    for (const std::string& line : log_) {
      if (line.find(text) != std::string::npos) return true;
    }
    return false;
  }

  template <class F>
  void record(F change) {
    {
      std::lock_guard lock{mutex_};
      change();
    }
    changed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<StaffCommand> commands_;
  std::vector<std::string> log_;
  bool finished_ = false;
  std::atomic<bool> throw_on_command_ = false;
  asio::io_context io_;
  ScreenServer server_;
  std::uint16_t port_ = 0;
  std::thread thread_;
};

struct Fetched {
  unsigned status = 0;
  std::string content_type;
  std::string allow;
  std::string body;
};

Fetched fetch(std::uint16_t port, http::verb method, const std::string& target,
              const std::string& host = "", std::string body = "") {
  asio::io_context io;
  beast::tcp_stream stream{io};
  await(io, stream.async_connect(loopback(port), asio::use_future));
  http::request<http::string_body> request{method, target, 11};
  request.set(http::field::host, host.empty() ? host_of(port) : host);
  request.body() = std::move(body);
  request.prepare_payload();
  await(io, http::async_write(stream, request, asio::use_future));
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  await(io, http::async_read(stream, buffer, response, asio::use_future));
  return {response.result_int(), std::string{response[http::field::content_type]},
          std::string{response[http::field::allow]}, response.body()};
}

Fetched get(std::uint16_t port, const std::string& target) {
  return fetch(port, http::verb::get, target);
}

// Sends raw bytes and reads until the server closes.
std::string raw_exchange(std::uint16_t port, const std::string& bytes) {
  asio::io_context io;
  tcp::socket socket{io};
  await(io, socket.async_connect(loopback(port), asio::use_future));
  await(io, asio::async_write(socket, asio::buffer(bytes), asio::use_future));
  std::string reply;
  const auto error = await_error(io, [&](auto handler) {
    asio::async_read(socket, asio::dynamic_buffer(reply), std::move(handler));
  });
  CHECK(error == asio::error::eof);
  return reply;
}

// What a kiosk browser does: a WebSocket on /ws.
class Page {
 public:
  explicit Page(std::uint16_t port, std::string origin = "") : ws_(io_) {
    await(io_, beast::get_lowest_layer(ws_).async_connect(loopback(port), asio::use_future));
    if (!origin.empty()) {
      ws_.set_option(websocket::stream_base::decorator([origin](websocket::request_type& request) {
        request.set(http::field::origin, origin);
      }));
    }
    await(io_, ws_.async_handshake(host_of(port), "/ws", asio::use_future));
  }

  json read_view() { return json::parse(read_text()); }

  std::string read_text() {
    beast::flat_buffer buffer;
    await(io_, ws_.async_read(buffer, asio::use_future));
    return beast::buffers_to_string(buffer.data());
  }

  // Reads until the connection ends; the error that ended it.
  beast::error_code read_until_closed() {
    for (;;) {
      beast::flat_buffer buffer;
      const auto error =
          await_error(io_, [&](auto handler) { ws_.async_read(buffer, std::move(handler)); });
      if (error) return error;
    }
  }

  void send(const std::string& text, bool binary = false) {
    ws_.binary(binary);
    await(io_, ws_.async_write(asio::buffer(text), asio::use_future));
  }

  websocket::close_reason reason() const { return ws_.reason(); }

 private:
  asio::io_context io_;
  websocket::stream<beast::tcp_stream> ws_;
};

ScreenView welcome(std::string name, std::string organisation = "Stadt Köln") {
  return {WelcomeScreen{std::move(name), std::move(organisation), "Referent", "#C0392B"},
          {"Eingang Nord", true, PrinterState::ready}};
}

}  // namespace

TEST_CASE("GET / serves the embedded page and its files", "[screen][server]") {
  RunningServer running;
  const Fetched page = get(running.port(), "/");
  CHECK(page.status == 200);
  CHECK(page.content_type == "text/html; charset=utf-8");
  CHECK(page.body == std::string{find_screen_asset("/")->bytes});
  CHECK_THAT(page.body, Catch::Contains("<script src=\"/app.js\""));

  const Fetched script = get(running.port(), "/app.js");
  CHECK(script.status == 200);
  CHECK(script.content_type == "text/javascript; charset=utf-8");
  CHECK(script.body == std::string{find_screen_asset("/app.js")->bytes});

  const Fetched style = get(running.port(), "/style.css");
  CHECK(style.status == 200);
  CHECK(style.content_type == "text/css; charset=utf-8");
}

TEST_CASE("GET /api/view returns the view last shown", "[screen][server]") {
  RunningServer running;
  const Fetched first = get(running.port(), "/api/view");
  CHECK(first.status == 200);
  CHECK(first.content_type == "application/json");
  CHECK(json::parse(first.body)["kind"] == "idle");

  running.server().show(welcome("Anna Groß"));
  json shown;
  for (int i = 0; i < 250 && shown["kind"] != "welcome"; ++i) {
    shown = json::parse(get(running.port(), "/api/view").body);
    if (shown["kind"] != "welcome") std::this_thread::sleep_for(20ms);
  }
  CHECK(shown["kind"] == "welcome");
  CHECK(shown["name"] == "Anna Groß");
}

TEST_CASE("unknown paths get 404, other methods 405, a foreign host 421", "[screen][server]") {
  RunningServer running;
  CHECK(get(running.port(), "/secret").status == 404);
  const Fetched post = fetch(running.port(), http::verb::post, "/", "", R"({"type":"pause"})");
  CHECK(post.status == 405);
  CHECK(post.allow == "GET");
  CHECK(fetch(running.port(), http::verb::delete_, "/api/view").status == 405);
  CHECK(get(running.port(), "/ws").status == 426);
  CHECK(fetch(running.port(), http::verb::get, "/api/view", "evil.example").status == 421);
  CHECK(get(running.port(), "/").status == 200);
}

TEST_CASE("a request that is not HTTP gets a 400 and the server goes on", "[screen][server]") {
  RunningServer running;
  CHECK_THAT(raw_exchange(running.port(), "GARBAGE\r\n\r\n"),
             Catch::StartsWith("HTTP/1.1 400 Bad Request"));
  CHECK_THAT(raw_exchange(running.port(), "GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n"),
             Catch::StartsWith("HTTP/1.1 400 Bad Request"));
  CHECK_THAT(raw_exchange(running.port(), std::string("\0\xff\x01\r\n\r\n", 7)),
             Catch::StartsWith("HTTP/1.1 400 Bad Request"));
  CHECK(get(running.port(), "/").status == 200);
}

TEST_CASE("oversized requests are refused before they are read whole", "[screen][server]") {
  RunningServer running;
  const std::string big_header = "GET / HTTP/1.1\r\nHost: " + host_of(running.port()) +
                                 "\r\nX-Filler: " + std::string(20'000, 'a') + "\r\n\r\n";
  CHECK_THAT(raw_exchange(running.port(), big_header), Catch::StartsWith("HTTP/1.1 431"));
  const Fetched big_body =
      fetch(running.port(), http::verb::post, "/", "", std::string(10'000, 'b'));
  CHECK(big_body.status == 413);
  CHECK(get(running.port(), "/").status == 200);
}

TEST_CASE("a page gets the current view on connect and every view shown after",
          "[screen][server]") {
  RunningServer running;
  running.server().show(ScreenView{IdleScreen{"Digitale Verwaltung 2026"},
                                   {"Eingang Nord", false, PrinterState::media_empty}});
  Page page{running.port()};
  json view = page.read_view();
  CHECK(view["kind"] == "idle");
  CHECK(view["event"] == "Digitale Verwaltung 2026");
  CHECK(view["status"]["printer"] == "media_empty");

  Page second{running.port()};
  CHECK(second.read_view()["kind"] == "idle");

  running.server().show(welcome("Anna Groß"));
  view = page.read_view();
  CHECK(view["kind"] == "welcome");
  CHECK(view["name"] == "Anna Groß");
  CHECK(second.read_view()["name"] == "Anna Groß");
  CHECK(running.logged("screen: page connected"));
}

TEST_CASE("a command from the page reaches the kiosk", "[screen][server]") {
  RunningServer running;
  Page page{running.port()};
  page.read_view();
  page.send(R"({"type":"pin","pin":"4711"})");
  page.send(R"({"type":"reprint","ticket_id":"T000042"})");
  REQUIRE(running.wait_for_commands(2));
  const auto commands = running.commands();
  CHECK(commands[0] == StaffCommand{EnterPin{"4711"}});
  CHECK(commands[1] == StaffCommand{ReprintTicket{"T000042"}});
}

TEST_CASE("garbage from the page is logged and ignored; the connection stays", "[screen][server]") {
  RunningServer running;
  Page page{running.port()};
  page.read_view();
  page.send("this is not json");
  CHECK(running.logged("screen: ignored a message from the page: not JSON"));
  page.send(R"({"type":"launch_missiles"})");
  CHECK(running.logged("unknown command type \"launch_missiles\""));
  page.send(R"({"type":"pin","pin":"12"})");
  CHECK(running.logged("pin: must be 4 to 8 digits"));
  page.send("\x01\x02", true);
  CHECK(running.logged("ignored a binary message"));

  page.send(R"({"type":"pause"})");
  REQUIRE(running.wait_for_commands(1));
  CHECK(running.commands() == std::vector<StaffCommand>{PauseKiosk{}});
  running.server().show(welcome("Still Here"));
  CHECK(page.read_view()["name"] == "Still Here");
}

TEST_CASE("a kiosk handler that throws is logged and the page stays", "[screen][server]") {
  RunningServer running;
  running.throw_on_command();
  Page page{running.port()};
  page.read_view();
  page.send(R"({"type":"test_page"})");
  CHECK(running.logged("screen: staff command failed: kiosk busy"));
  running.server().show(welcome("Anna"));
  CHECK(page.read_view()["name"] == "Anna");
}

TEST_CASE("a huge WebSocket message ends that connection, not the server", "[screen][server]") {
  RunningServer running;
  Page page{running.port()};
  page.read_view();
  page.send(std::string(8 * 1024, 'x'));
  // Beast answers with close code 1009 and closes; its teardown (1.81) may close before the
  // client's reply to the close frame arrives, so the client can see a reset instead.
  const auto error = page.read_until_closed();
  CHECK((error == websocket::error::closed || error == asio::error::broken_pipe ||
         error == asio::error::connection_reset));
  CHECK(running.logged("screen: page connection ended: The WebSocket message exceeded"));
  Page next{running.port()};
  CHECK(next.read_view()["kind"] == "idle");
}

TEST_CASE("a WebSocket from a foreign origin is refused", "[screen][server]") {
  RunningServer running;
  CHECK_THROWS_AS(Page(running.port(), "http://evil.example"), boost::system::system_error);
  Page own{running.port(), host_of(running.port()).insert(0, "http://")};
  CHECK(own.read_view()["kind"] == "idle");
}

TEST_CASE("a page that stops reading is dropped and does not hold up the others",
          "[screen][server]") {
  ScreenServerOptions options;
  options.max_queued_views = 4;
  RunningServer running{options};
  Page stuck{running.port()};
  Page reader{running.port()};
  stuck.read_view();
  reader.read_view();

  // Big views fill the stuck page's socket buffers, then its queue; the reader keeps up.
  const std::string padding(64 * 1024, 'o');
  const std::string dropped = "screen: dropped a page that fell 4 views behind";
  int after_drop = 0;
  for (int i = 0; i < 2000 && after_drop < 10; ++i) {
    running.server().show(welcome("View " + std::to_string(i), padding));
    REQUIRE(reader.read_view()["name"] == "View " + std::to_string(i));
    if (after_drop > 0 || running.logged_already(dropped)) ++after_drop;
  }
  CHECK(running.logged(dropped));
  CHECK(stuck.read_until_closed());
}

TEST_CASE("stop() closes every connection and the io_context runs out of work",
          "[screen][server]") {
  RunningServer running;
  Page page{running.port()};
  page.read_view();
  // Two HTTP connections the server has certainly accepted: each got one reply and is kept
  // alive; one of them then sends half a request.
  asio::io_context io;
  std::vector<std::unique_ptr<beast::tcp_stream>> streams;
  for (int i = 0; i < 2; ++i) {
    auto& stream = *streams.emplace_back(std::make_unique<beast::tcp_stream>(io));
    await(io, stream.async_connect(loopback(running.port()), asio::use_future));
    http::request<http::empty_body> request{http::verb::get, "/api/view", 11};
    request.set(http::field::host, host_of(running.port()));
    await(io, http::async_write(stream, request, asio::use_future));
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    await(io, http::async_read(stream, buffer, response, asio::use_future));
    REQUIRE(response.keep_alive());
  }
  await(io, asio::async_write(streams[1]->socket(),
                              asio::buffer(std::string{"GET / HTTP/1.1\r\nHo"}), asio::use_future));

  running.server().stop();
  CHECK(page.read_until_closed() == websocket::error::closed);
  CHECK(page.reason().code == websocket::close_code::going_away);
  CHECK(running.wait_until_finished());
  for (auto& stream : streams) {
    std::string rest;
    const auto error = await_error(io, [&](auto handler) {
      asio::async_read(stream->socket(), asio::dynamic_buffer(rest), std::move(handler));
    });
    // Closed without a reply; a reset when the half request was still unread at the close.
    CHECK((error == asio::error::eof || error == asio::error::connection_reset));
    CHECK(rest.empty());
  }
  CHECK(running.logged("screen: stopped"));
}

TEST_CASE("start() reports an address it cannot bind", "[screen][server]") {
  asio::io_context io;
  tcp::acceptor taken{io, loopback(0)};
  const std::uint16_t port = taken.local_endpoint().port();

  ScreenServer busy{io, {"127.0.0.1", port}, nullptr, nullptr};
  const auto failed = busy.start();
  REQUIRE_FALSE(failed);
  CHECK_THAT(failed.error().message,
             Catch::StartsWith("screen 127.0.0.1:" + std::to_string(port) + ": "));
  CHECK_THAT(failed.error().message, Catch::Contains("in use"));

  ScreenServer wrong{io, {"kiosk.local", 0}, nullptr, nullptr};
  CHECK(wrong.start().error().message == "screen kiosk.local:0: not an IP address");
}
