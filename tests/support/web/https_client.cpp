#include "support/web/https_client.h"

#include <sys/socket.h>
#include <sys/time.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <stdexcept>

#include "base/text.h"

namespace einlass::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

namespace {

ssl::context client_context(const std::filesystem::path& ca_file) {
  ssl::context context{ssl::context::tls_client};
  context.load_verify_file(ca_file.string());
  context.set_verify_mode(ssl::verify_peer);
  return context;
}

// To the server on 127.0.0.1; blocking calls on the socket give up after 10 s instead of hanging
// the test.
void connect_socket(tcp::socket& socket, int port) {
  socket.connect(
      tcp::endpoint{asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)});
  timeval limit{10, 0};
  setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  setsockopt(socket.native_handle(), SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
}

}  // namespace

std::string HttpsReply::header(const std::string& name) const {
  const auto found = headers.find(ascii_lower(name));
  return found == headers.end() ? std::string() : found->second;
}

nlohmann::json HttpsReply::json() const {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  return parsed.is_discarded() ? nlohmann::json() : parsed;
}

HttpsClient::HttpsClient(int port, std::filesystem::path ca_file)
    : port_(port), ca_file_(std::move(ca_file)) {}

HttpsReply HttpsClient::send(const HttpsRequest& request) const {
  asio::io_context io;
  auto context = client_context(ca_file_);
  ssl::stream<tcp::socket> stream{io, context};
  connect_socket(stream.next_layer(), port_);
  stream.handshake(ssl::stream_base::client);
  http::request<http::string_body> out{http::string_to_verb(request.method), request.target, 11};
  if (out.method() == http::verb::unknown) out.method_string(request.method);
  out.set(http::field::host, "127.0.0.1:" + std::to_string(port_));
  if (!request.cookie.empty()) out.set(http::field::cookie, request.cookie);
  if (!request.csrf.empty()) out.set("X-CSRF-Token", request.csrf);
  if (!request.origin.empty()) out.set(http::field::origin, request.origin);
  if (!request.body.empty()) out.set(http::field::content_type, request.content_type);
  out.body() = request.body;
  out.prepare_payload();
  out.keep_alive(false);
  http::write(stream, out);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  http::read(stream, buffer, parser);
  const auto& in = parser.get();
  HttpsReply reply;
  reply.status = static_cast<int>(in.result_int());
  reply.body = in.body();
  for (const auto& field : in)
    reply.headers.emplace(ascii_lower(std::string(field.name_string())),
                          std::string(field.value()));
  beast::error_code ignored;
  stream.shutdown(ignored);
  return reply;
}

std::string HttpsClient::send_raw(const std::string& bytes,
                                  std::chrono::milliseconds timeout) const {
  asio::io_context io;
  auto context = client_context(ca_file_);
  ssl::stream<tcp::socket> stream{io, context};
  connect_socket(stream.next_layer(), port_);
  const auto ms = timeout.count();
  timeval limit{static_cast<time_t>(ms / 1000), static_cast<suseconds_t>((ms % 1000) * 1000)};
  setsockopt(stream.next_layer().native_handle(), SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  stream.handshake(ssl::stream_base::client);
  beast::error_code error;
  asio::write(stream, asio::buffer(bytes), error);
  std::string received;
  char chunk[4096];
  while (!error) {
    const auto n = stream.read_some(asio::buffer(chunk), error);
    received.append(chunk, n);
  }
  return received;
}

std::optional<HttpsClient::Session> HttpsClient::sign_in(const std::string& login,
                                                         const std::string& password) const {
  HttpsRequest request;
  request.method = "POST";
  request.target = "/api/v1/login";
  request.body = nlohmann::json{{"login", login}, {"password", password}}.dump();
  const auto reply = send(request);
  if (reply.status != 200) return std::nullopt;
  const auto cookie = reply.header("set-cookie");
  return Session{cookie.substr(0, cookie.find(';')), reply.json().value("csrf_token", "")};
}

HttpsReply HttpsClient::as(const Session& session, std::string method, std::string target,
                           std::string body) const {
  HttpsRequest request;
  request.method = std::move(method);
  request.target = std::move(target);
  request.body = std::move(body);
  request.cookie = session.cookie;
  request.csrf = session.csrf;
  return send(request);
}

struct LiveSocket::Impl {
  asio::io_context io;
  ssl::context context;
  websocket::stream<ssl::stream<beast::tcp_stream>> ws;
  beast::flat_buffer buffer;
  bool reading = false;
  bool got = false;
  bool closed = false;

  explicit Impl(const std::filesystem::path& ca_file)
      : context(client_context(ca_file)), ws(io, context) {}
};

namespace {

// The upgrade; its status when refused (0 when accepted).
template <class Ws>
int upgrade(Ws& ws, int port, const std::string& cookie, const std::string& origin) {
  connect_socket(beast::get_lowest_layer(ws).socket(), port);
  ws.next_layer().handshake(ssl::stream_base::client);
  ws.set_option(websocket::stream_base::decorator([&](websocket::request_type& request) {
    if (!cookie.empty()) request.set(http::field::cookie, cookie);
    request.set(http::field::origin,
                origin.empty() ? "https://127.0.0.1:" + std::to_string(port) : origin);
  }));
  websocket::response_type response;
  beast::error_code error;
  ws.handshake(response, "127.0.0.1:" + std::to_string(port), "/api/v1/live", error);
  if (!error) return 0;
  return response.result_int() == 0 ? -1 : static_cast<int>(response.result_int());
}

}  // namespace

LiveSocket::LiveSocket(int port, const std::filesystem::path& ca_file, const std::string& cookie)
    : impl_(std::make_unique<Impl>(ca_file)) {
  if (const int refused = upgrade(impl_->ws, port, cookie, ""); refused != 0)
    throw std::runtime_error("live feed refused: " + std::to_string(refused));
}

bool LiveSocket::closed() const {
  return impl_->closed;
}

LiveSocket::~LiveSocket() {
  beast::error_code ignored;
  beast::get_lowest_layer(impl_->ws).socket().close(ignored);
}

std::optional<std::string> LiveSocket::next(std::chrono::milliseconds timeout) {
  if (impl_->closed) return std::nullopt;
  if (!impl_->reading) {
    impl_->reading = true;
    impl_->got = false;
    impl_->ws.async_read(impl_->buffer, [this](beast::error_code error, std::size_t) {
      impl_->reading = false;
      if (error)
        impl_->closed = true;
      else
        impl_->got = true;
    });
  }
  impl_->io.restart();
  impl_->io.run_for(timeout);
  if (!impl_->got) return std::nullopt;
  impl_->got = false;
  std::string message = beast::buffers_to_string(impl_->buffer.data());
  impl_->buffer.consume(impl_->buffer.size());
  return message;
}

int live_refusal(int port, const std::filesystem::path& ca_file, const std::string& cookie,
                 const std::string& origin) {
  asio::io_context io;
  auto context = client_context(ca_file);
  websocket::stream<ssl::stream<beast::tcp_stream>> ws{io, context};
  return upgrade(ws, port, cookie, origin);
}

}  // namespace einlass::test
