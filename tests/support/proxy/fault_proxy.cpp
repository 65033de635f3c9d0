#include "support/proxy/fault_proxy.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <deque>
#include <future>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace einlass::test {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;
constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kChunkBytes = 64 * 1024;

enum class Mode { forward, refuse, blackhole };

struct Chunk {
  std::chrono::steady_clock::time_point due;
  std::vector<char> bytes;
};

// One direction of a connection. The reader queues what it reads, stamped with when it is due;
// the writer delivers in order. Keeping them apart lets a delay add latency without throttling.
struct Direction {
  Direction(tcp::socket& source, tcp::socket& sink, std::uint64_t ProxyStats::*counter)
      : from(source), to(sink), delivered(counter), wake(source.get_executor()) {}

  tcp::socket& from;
  tcp::socket& to;
  std::uint64_t ProxyStats::*delivered;
  asio::steady_timer wake;  // the writer sleeps on it; cancel() wakes it
  std::deque<Chunk> queue;
  bool source_ended = false;
  bool swallow_end = false;  // the FIN arrived while blackholed: a silent link drops it too
  bool finished = false;
};

struct Connection;

}  // namespace

struct FaultProxyState {
  // Declared first so it is destroyed last: the sockets below belong to it.
  asio::io_context io{1};
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  tcp::acceptor acceptor{io};
  tcp::resolver::results_type upstream;
  Mode mode = Mode::forward;
  std::chrono::milliseconds latency{0};
  ProxyStats stats;
  std::uint64_t next_id = 0;
  std::unordered_map<std::uint64_t, std::shared_ptr<Connection>> connections;
  std::thread thread;
  bool started = false;

  // Runs f on the proxy's thread and waits, so that the caller sees its effect on return.
  template <typename F>
  auto on_io(F f) -> decltype(f()) {
    if (!thread.joinable() || io.get_executor().running_in_this_thread()) return f();
    std::packaged_task<decltype(f())()> task(std::move(f));
    auto done = task.get_future();
    asio::post(io, std::move(task));
    return done.get();
  }

  void close_all(bool with_reset);
};

namespace {

using State = FaultProxyState;

struct Connection : std::enable_shared_from_this<Connection> {
  Connection(State& owner, std::uint64_t key, tcp::socket accepted)
      : state(owner),
        id(key),
        client(std::move(accepted)),
        upstream(owner.io),
        to_upstream(client, upstream, &ProxyStats::bytes_to_upstream),
        to_client(upstream, client, &ProxyStats::bytes_to_client) {}

  State& state;
  std::uint64_t id;
  tcp::socket client;
  tcp::socket upstream;
  Direction to_upstream;
  Direction to_client;
  bool closed = false;

  void close(bool with_reset) {
    if (closed) return;
    closed = true;
    for (tcp::socket* socket : {&client, &upstream}) {
      error_code ignored;
      if (with_reset && socket->is_open()) {
        socket->set_option(asio::socket_base::linger(true, 0), ignored);
      }
      socket->close(ignored);
    }
    to_upstream.wake.cancel();
    to_client.wake.cancel();
    state.connections.erase(id);  // may drop the last owner but one: callers hold a shared_ptr
    state.stats.open = state.connections.size();
  }

  void direction_finished(Direction& direction) {
    direction.finished = true;
    if (to_upstream.finished && to_client.finished) close(false);
  }
};

}  // namespace

void FaultProxyState::close_all(bool with_reset) {
  std::vector<std::shared_ptr<Connection>> all;
  for (auto& [id, connection] : connections) all.push_back(connection);
  for (auto& connection : all) connection->close(with_reset);
}

namespace {

asio::awaitable<void> read_side(std::shared_ptr<Connection> self, Direction& d) {
  State& state = self->state;
  std::vector<char> buffer(kChunkBytes);
  for (;;) {
    auto [error, n] = co_await d.from.async_read_some(asio::buffer(buffer), kUseTuple);
    if (self->closed) co_return;
    if (error == asio::error::eof) {
      d.source_ended = true;
      d.swallow_end = state.mode == Mode::blackhole;
      d.wake.cancel();
      co_return;
    }
    if (error) {
      self->close(true);  // pass a reset on as a reset
      co_return;
    }
    if (state.mode == Mode::blackhole) {
      state.stats.bytes_dropped += n;
      continue;
    }
    d.queue.push_back(Chunk{std::chrono::steady_clock::now() + state.latency,
                            std::vector<char>(buffer.begin(), buffer.begin() + std::ptrdiff_t(n))});
    d.wake.cancel();
  }
}

asio::awaitable<void> write_side(std::shared_ptr<Connection> self, Direction& d) {
  State& state = self->state;
  for (;;) {
    if (self->closed) co_return;
    if (d.queue.empty()) {
      if (d.source_ended) {
        error_code ignored;
        if (!d.swallow_end) d.to.shutdown(tcp::socket::shutdown_send, ignored);
        self->direction_finished(d);
        co_return;
      }
      d.wake.expires_at(std::chrono::steady_clock::time_point::max());
      co_await d.wake.async_wait(kUseTuple);
      continue;
    }
    Chunk& chunk = d.queue.front();
    if (chunk.due > std::chrono::steady_clock::now()) {
      d.wake.expires_at(chunk.due);
      co_await d.wake.async_wait(kUseTuple);
      continue;
    }
    // Bytes still queued by a delay when the link went silent are lost like the rest.
    if (state.mode == Mode::blackhole) {
      state.stats.bytes_dropped += chunk.bytes.size();
      d.queue.pop_front();
      continue;
    }
    auto [error, n] = co_await asio::async_write(d.to, asio::buffer(chunk.bytes), kUseTuple);
    if (self->closed) co_return;
    if (error) {
      self->close(true);
      co_return;
    }
    state.stats.*d.delivered += n;
    d.queue.pop_front();
  }
}

// A connection accepted while blackholed: read and drop until the client goes away.
asio::awaitable<void> swallow(std::shared_ptr<Connection> self) {
  std::vector<char> buffer(kChunkBytes);
  for (;;) {
    auto [error, n] = co_await self->client.async_read_some(asio::buffer(buffer), kUseTuple);
    if (self->closed) co_return;
    if (error) {
      self->close(false);
      co_return;
    }
    self->state.stats.bytes_dropped += n;
  }
}

asio::awaitable<void> serve(std::shared_ptr<Connection> self) {
  State& state = self->state;
  if (state.mode == Mode::blackhole) {
    co_await swallow(self);
    co_return;
  }
  auto [error, endpoint] = co_await asio::async_connect(self->upstream, state.upstream, kUseTuple);
  if (self->closed) co_return;
  if (error) {
    self->close(false);
    co_return;
  }
  error_code ignored;
  self->client.set_option(tcp::no_delay(true), ignored);
  self->upstream.set_option(tcp::no_delay(true), ignored);
  for (Direction* d : {&self->to_upstream, &self->to_client}) {
    asio::co_spawn(state.io, read_side(self, *d), asio::detached);
    asio::co_spawn(state.io, write_side(self, *d), asio::detached);
  }
}

asio::awaitable<void> accept_loop(State& state) {
  for (;;) {
    auto [error, socket] = co_await state.acceptor.async_accept(kUseTuple);
    if (error == asio::error::operation_aborted || !state.acceptor.is_open()) co_return;
    if (error) continue;  // e.g. the client gave up before we accepted it
    ++state.stats.accepted;
    if (state.mode == Mode::refuse) {
      error_code ignored;
      socket.close(ignored);
      continue;
    }
    auto connection = std::make_shared<Connection>(state, state.next_id++, std::move(socket));
    state.connections.emplace(connection->id, connection);
    state.stats.open = state.connections.size();
    asio::co_spawn(state.io, serve(connection), asio::detached);
  }
}

}  // namespace

FaultProxy::FaultProxy() : state_(std::make_unique<FaultProxyState>()) {}

FaultProxy::~FaultProxy() {
  stop();
}

std::expected<std::uint16_t, ProxyError> FaultProxy::start(const std::string& upstream_host,
                                                           std::uint16_t upstream_port,
                                                           const std::string& listen_host,
                                                           std::uint16_t listen_port) {
  State& state = *state_;
  if (state.started) return std::unexpected(ProxyError{"the proxy was started before"});
  state.started = true;
  error_code error;
  tcp::resolver resolver(state.io);
  state.upstream = resolver.resolve(upstream_host, std::to_string(upstream_port), error);
  if (error) {
    return std::unexpected(ProxyError{"cannot resolve " + upstream_host + ": " + error.message()});
  }
  const auto address = asio::ip::make_address(listen_host, error);
  if (error) return std::unexpected(ProxyError{"bad listen address " + listen_host});
  const tcp::endpoint endpoint(address, listen_port);
  state.acceptor.open(endpoint.protocol(), error);
  if (!error) state.acceptor.set_option(tcp::acceptor::reuse_address(true), error);
  if (!error) state.acceptor.bind(endpoint, error);
  if (!error) state.acceptor.listen(asio::socket_base::max_listen_connections, error);
  if (error) {
    return std::unexpected(ProxyError{"cannot listen on " + listen_host + ":" +
                                      std::to_string(listen_port) + ": " + error.message()});
  }
  const std::uint16_t port = state.acceptor.local_endpoint().port();
  state.work.emplace(state.io.get_executor());
  asio::co_spawn(state.io, accept_loop(state), asio::detached);
  state.thread = std::thread([&state] { state.io.run(); });
  return port;
}

void FaultProxy::pass() {
  state_->on_io([this] {
    state_->mode = Mode::forward;
    state_->latency = std::chrono::milliseconds{0};
  });
}

void FaultProxy::cut() {
  state_->on_io([this] {
    state_->mode = Mode::refuse;
    state_->close_all(false);
  });
}

void FaultProxy::reset() {
  state_->on_io([this] {
    state_->close_all(true);
    state_->mode = Mode::forward;
    state_->latency = std::chrono::milliseconds{0};
  });
}

void FaultProxy::blackhole() {
  state_->on_io([this] { state_->mode = Mode::blackhole; });
}

void FaultProxy::delay(std::chrono::milliseconds latency) {
  state_->on_io([this, latency] {
    state_->mode = Mode::forward;
    state_->latency = latency;
  });
}

ProxyStats FaultProxy::stats() const {
  return state_->on_io([this] { return state_->stats; });
}

void FaultProxy::stop() {
  State& state = *state_;
  if (!state.thread.joinable()) return;
  state.on_io([&state] {
    error_code ignored;
    state.acceptor.close(ignored);
    state.close_all(false);
    state.work.reset();
  });
  // Coroutines still parked on closed sockets are destroyed with the io_context.
  state.io.stop();
  state.thread.join();
}

}  // namespace einlass::test
