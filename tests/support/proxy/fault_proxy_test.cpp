#include "support/proxy/fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <catch2/catch.hpp>
#include <cerrno>
#include <random>
#include <thread>
#include <vector>

#include "support/ports.h"

namespace einlass::test {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;
constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);
// Long enough that a loaded machine still delivers what should arrive; "nothing arrives" checks
// use kSilence instead and can only fail by something arriving.
constexpr auto kPatience = 10s;
constexpr auto kSilence = 300ms;

// The upstream: echoes every byte back on its own thread, counting connections and bytes.
class EchoServer {
 public:
  EchoServer() {
    const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), 0);
    acceptor_.open(endpoint.protocol());
    acceptor_.bind(endpoint);
    acceptor_.listen();
    asio::co_spawn(io_, accept_loop(), asio::detached);
    thread_ = std::thread([this] { io_.run(); });
  }
  ~EchoServer() {
    io_.stop();
    thread_.join();
  }
  EchoServer(const EchoServer&) = delete;
  EchoServer& operator=(const EchoServer&) = delete;

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  int accepted() const { return accepted_; }
  std::uint64_t received() const { return received_; }

 private:
  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto [error, socket] = co_await acceptor_.async_accept(kUseTuple);
      if (error) co_return;
      ++accepted_;
      asio::co_spawn(io_, echo(std::move(socket)), asio::detached);
    }
  }
  asio::awaitable<void> echo(tcp::socket socket) {
    std::vector<char> buffer(16 * 1024);
    for (;;) {
      auto [error, n] = co_await socket.async_read_some(asio::buffer(buffer), kUseTuple);
      if (error) break;
      received_ += n;
      auto [write_error, written] =
          co_await asio::async_write(socket, asio::buffer(buffer, n), kUseTuple);
      if (write_error) break;
    }
    boost::system::error_code ignored;
    socket.shutdown(tcp::socket::shutdown_send, ignored);
  }

  asio::io_context io_{1};
  tcp::acceptor acceptor_{io_};
  std::atomic<int> accepted_{0};
  std::atomic<std::uint64_t> received_{0};
  std::thread thread_;
};

// A blocking client on a plain socket, so that the test sees what a kiosk's kernel reports.
class Client {
 public:
  explicit Client(std::uint16_t port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connected_; }

  bool write(std::string_view bytes) {
    while (!bytes.empty()) {
      const auto n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(std::size_t(n));
    }
    return true;
  }

  struct Read {
    enum class Kind { data, eof, error, timeout } kind;
    std::string bytes;
    int error = 0;
  };

  Read read_some(std::chrono::milliseconds timeout) {
    pollfd request{fd_, POLLIN, 0};
    if (::poll(&request, 1, int(timeout.count())) <= 0) return {Read::Kind::timeout, {}};
    char buffer[64 * 1024];
    const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n > 0) return {Read::Kind::data, std::string(buffer, std::size_t(n))};
    if (n == 0) return {Read::Kind::eof, {}};
    return {Read::Kind::error, {}, errno};
  }

  // Reads until `size` bytes came, or returns what came before EOF, an error or the timeout.
  std::string read_exactly(std::size_t size, std::chrono::milliseconds timeout = kPatience) {
    std::string result;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (result.size() < size) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left <= 0ms) break;
      const Read read = read_some(left);
      if (read.kind != Read::Kind::data) break;
      result += read.bytes;
    }
    return result;
  }

 private:
  int fd_;
  bool connected_ = false;
};

std::string random_bytes(std::size_t size) {
  std::mt19937 engine{20240604};
  std::uniform_int_distribution<int> byte{0, 255};
  std::string bytes(size, '\0');
  for (char& c : bytes) c = char(byte(engine));
  return bytes;
}

template <typename Condition>
bool eventually(Condition condition) {
  const auto deadline = std::chrono::steady_clock::now() + kPatience;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(5ms);
  }
  return true;
}

std::uint16_t start_proxy(FaultProxy& proxy, std::uint16_t upstream_port) {
  const auto port = proxy.start("127.0.0.1", upstream_port);
  REQUIRE(port);
  REQUIRE(*port != 0);
  return *port;
}

TEST_CASE("the proxy forwards a megabyte both ways unchanged") {
  EchoServer echo;
  FaultProxy proxy;
  Client client{start_proxy(proxy, echo.port())};
  REQUIRE(client.connected());

  const std::string payload = random_bytes(1024 * 1024);
  // Written from another thread: echoing back while we still send must not deadlock.
  std::thread writer([&] { CHECK(client.write(payload)); });
  const std::string echoed = client.read_exactly(payload.size());
  writer.join();

  REQUIRE(echoed.size() == payload.size());
  CHECK(echoed == payload);
  // The proxy counts a chunk once its write completed, which can be just after the client read it.
  CHECK(eventually([&] {
    const ProxyStats stats = proxy.stats();
    return stats.bytes_to_client == payload.size() && stats.bytes_to_upstream == payload.size();
  }));
  const ProxyStats stats = proxy.stats();
  CHECK(stats.accepted == 1);
  CHECK(stats.open == 1);
  CHECK(stats.bytes_to_upstream == payload.size());
  CHECK(stats.bytes_to_client == payload.size());
  CHECK(stats.bytes_dropped == 0);
}

TEST_CASE("cut closes open connections normally and closes new ones at once") {
  EchoServer echo;
  FaultProxy proxy;
  const auto port = start_proxy(proxy, echo.port());
  Client open{port};
  REQUIRE(open.write("hello"));
  REQUIRE(open.read_exactly(5) == "hello");

  proxy.cut();
  const auto after_cut = open.read_some(kPatience);
  CHECK(after_cut.kind == Client::Read::Kind::eof);

  Client late{port};
  REQUIRE(late.connected());  // the kernel completes the handshake; the proxy then closes
  CHECK(late.read_some(kPatience).kind == Client::Read::Kind::eof);
  CHECK(echo.accepted() == 1);
  CHECK(proxy.stats().accepted == 2);
  CHECK(proxy.stats().open == 0);

  proxy.heal();
  Client healed{port};
  REQUIRE(healed.write("again"));
  CHECK(healed.read_exactly(5) == "again");
}

TEST_CASE("reset gives the client ECONNRESET, then connections pass again") {
  EchoServer echo;
  FaultProxy proxy;
  const auto port = start_proxy(proxy, echo.port());
  Client client{port};
  REQUIRE(client.write("hello"));
  REQUIRE(client.read_exactly(5) == "hello");

  proxy.reset();
  const auto read = client.read_some(kPatience);
  CHECK(read.kind == Client::Read::Kind::error);
  CHECK(read.error == ECONNRESET);

  Client next{port};
  REQUIRE(next.write("after"));
  CHECK(next.read_exactly(5) == "after");
}

TEST_CASE("blackhole keeps links open and silent, and pass brings them back") {
  EchoServer echo;
  FaultProxy proxy;
  const auto port = start_proxy(proxy, echo.port());
  Client before{port};
  REQUIRE(before.write("hello"));
  REQUIRE(before.read_exactly(5) == "hello");

  proxy.blackhole();
  CHECK(before.write("lost"));
  CHECK(before.read_some(kSilence).kind == Client::Read::Kind::timeout);

  Client during{port};
  REQUIRE(during.connected());
  CHECK(during.write("void"));
  CHECK(during.read_some(kSilence).kind == Client::Read::Kind::timeout);
  CHECK(echo.accepted() == 1);  // the new link never reached the upstream
  CHECK(echo.received() == 5);
  CHECK(eventually([&] { return proxy.stats().bytes_dropped == 8; }));
  CHECK(proxy.stats().open == 2);

  proxy.pass();
  Client after{port};
  REQUIRE(after.write("fresh"));
  CHECK(after.read_exactly(5) == "fresh");
  REQUIRE(before.write("back"));
  CHECK(before.read_exactly(4) == "back");  // "lost" stays lost
}

TEST_CASE("delay holds every chunk back in both directions, in order") {
  EchoServer echo;
  FaultProxy proxy;
  const auto port = start_proxy(proxy, echo.port());
  proxy.delay(200ms);
  Client client{port};

  const auto start = std::chrono::steady_clock::now();
  REQUIRE(client.write("one"));
  REQUIRE(client.write("two"));
  const std::string echoed = client.read_exactly(6);
  const auto elapsed = std::chrono::steady_clock::now() - start;

  CHECK(echoed == "onetwo");
  // A lower bound only: 200 ms on the way up and 200 ms on the way back.
  CHECK(elapsed >= 400ms);

  proxy.pass();
  REQUIRE(client.write("three"));
  CHECK(client.read_exactly(5) == "three");
}

TEST_CASE("an upstream that refuses closes the client's side") {
  FaultProxy proxy;
  Client client{start_proxy(proxy, std::uint16_t(unused_loopback_port()))};
  REQUIRE(client.connected());
  CHECK(client.read_some(kPatience).kind == Client::Read::Kind::eof);
  CHECK(eventually([&] { return proxy.stats().open == 0; }));
  CHECK(proxy.stats().accepted == 1);
}

TEST_CASE("stats count connections as they open and close") {
  EchoServer echo;
  FaultProxy proxy;
  const auto port = start_proxy(proxy, echo.port());
  {
    Client first{port};
    Client second{port};
    REQUIRE(first.write("12345"));
    REQUIRE(first.read_exactly(5) == "12345");
    REQUIRE(second.write("abc"));
    REQUIRE(second.read_exactly(3) == "abc");
    CHECK(eventually([&] {
      const ProxyStats stats = proxy.stats();
      return stats.bytes_to_client == 8 && stats.bytes_to_upstream == 8;
    }));
    const ProxyStats stats = proxy.stats();
    CHECK(stats.accepted == 2);
    CHECK(stats.open == 2);
    CHECK(stats.bytes_to_upstream == 8);
    CHECK(stats.bytes_to_client == 8);
  }
  // The clients' FINs go upstream, the echo server closes, and the proxy lets go of both.
  CHECK(eventually([&] { return proxy.stats().open == 0; }));
  CHECK(proxy.stats().accepted == 2);
}

TEST_CASE("stop closes every connection and a second stop does nothing") {
  EchoServer echo;
  FaultProxy proxy;
  Client client{start_proxy(proxy, echo.port())};
  REQUIRE(client.write("hi"));
  REQUIRE(client.read_exactly(2) == "hi");
  proxy.stop();
  CHECK(client.read_some(kPatience).kind == Client::Read::Kind::eof);
  proxy.stop();
  CHECK(proxy.stats().open == 0);
}

TEST_CASE("a proxy starts once and reports an upstream it cannot resolve") {
  FaultProxy bad;
  const auto failed = bad.start("no-such-host.invalid", 1);
  REQUIRE_FALSE(failed);
  CHECK(failed.error().message.find("no-such-host.invalid") != std::string::npos);
  CHECK_FALSE(bad.start("127.0.0.1", 1));
}

}  // namespace
}  // namespace einlass::test
