#include "net/sync_server.h"

// The only translation unit of the sync endpoint that includes Asio's TLS: it compiles slowly.
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <algorithm>
#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <deque>
#include <map>
#include <optional>
#include <set>

#include "hub/sync_hub.h"
#include "net/change_feed.h"
#include "net/server_session.h"
#include "pki/certificate_info.h"
#include "sync/frame.h"
#include "sync/messages.h"

namespace einlass {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);
// A kiosk that does not read what it is sent (its queue beyond this) is dropped, so one stuck
// kiosk cannot make the server hold an unbounded backlog.
constexpr std::size_t kMaxQueuedBytes = 64u << 20;
constexpr auto kDrainTimeout = std::chrono::seconds(2);

// The certificate as einlass_pki reads it (kiosk id and serial as provisioning recorded them).
std::optional<CertificateInfo> info_of(X509* certificate) {
  auto info = certificate_info(certificate);
  if (!info) return std::nullopt;
  return std::move(*info);
}

std::string describe(const tcp::endpoint& endpoint) {
  const auto address = endpoint.address();
  return (address.is_v6() ? "[" + address.to_string() + "]" : address.to_string()) + ":" +
         std::to_string(endpoint.port());
}

}  // namespace

class Connection;

class SyncServer::Impl : public std::enable_shared_from_this<SyncServer::Impl> {
 public:
  Impl(asio::io_context& io, SyncHub& hub, SyncServerOptions options, LogSink log)
      : io_(io),
        hub_(hub),
        options_(std::move(options)),
        log_(std::move(log)),
        tls_(ssl::context::tls_server),
        feed_(hub),
        acceptor_(io),
        watch_timer_(io),
        fan_out_timer_(io) {}

  std::expected<void, std::string> load_credentials();
  std::expected<unsigned short, std::string> start();
  void stop();

  void log(std::string_view line) const {
    if (log_) log_("sync: " + std::string(line));
  }
  bool is_revoked(const std::string& serial) const { return revoked_.contains(serial); }
  void changed();
  void queue_push(const std::shared_ptr<Connection>& from, Push push);
  void identified(const std::shared_ptr<Connection>& connection);
  void gone(Connection* connection);

  asio::io_context& io_;
  SyncHub& hub_;
  SyncServerOptions options_;
  LogSink log_;
  ssl::context tls_;
  ChangeFeed feed_;
  tcp::acceptor acceptor_;
  asio::steady_timer watch_timer_;
  asio::steady_timer fan_out_timer_;
  std::set<std::shared_ptr<Connection>> connections_;
  // Connections still in the TLS handshake, oldest first: idle sockets may not lock kiosks out.
  std::deque<std::weak_ptr<Connection>> handshaking_;
  std::map<std::string, std::weak_ptr<Connection>> by_kiosk_;
  std::set<std::string> revoked_;
  std::int64_t last_change_ = -1;
  bool fan_out_pending_ = false;
  // Pushes received since the last commit, stored together by commit_pushes().
  struct PendingPush {
    std::weak_ptr<Connection> from;
    KioskPush push;
  };
  std::vector<PendingPush> pending_pushes_;
  bool commit_scheduled_ = false;
  bool stopping_ = false;

 private:
  asio::awaitable<void> accept_loop();
  void make_room_for_handshake();
  void commit_pushes();
  asio::awaitable<void> watch_loop();
  void reload_revocations();
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(SyncServer::Impl& server, tcp::socket socket)
      : server_(server),
        peer_(describe_peer(socket)),
        stream_(std::move(socket), server.tls_),
        watchdog_(server.io_),
        wake_writer_(server.io_) {}

  asio::awaitable<void> run();
  void deliver(SessionStep step);
  void finish(std::string reason);  // send an error, then close
  void close_now(std::string_view reason);

  ServerSession* session() { return session_ ? &*session_ : nullptr; }
  // Sends this kiosk what changed, or, while it has not taken what it was sent last, does so
  // once that is written: a slow kiosk gets one larger catch-up instead of a growing queue.
  void send_changes();
  bool in_handshake() const { return open_ && !session_; }
  const std::string& serial() const { return serial_; }

 private:
  static std::string describe_peer(const tcp::socket& socket) {
    boost::system::error_code ec;
    const auto endpoint = socket.remote_endpoint(ec);
    return ec ? "unknown peer" : describe(endpoint);
  }
  std::string name() const {
    return session_ && !session_->kiosk_id().empty() ? session_->kiosk_id() + " (" + peer_ + ")"
                                                     : peer_;
  }
  void extend_deadline(std::chrono::milliseconds by) {
    const auto previous = deadline_;
    deadline_ = SteadyClock::now() + by;
    // The watchdog sleeps until the previous deadline; an earlier one must wake it now.
    if (deadline_ < previous) watchdog_.cancel();
  }
  asio::awaitable<void> watchdog();
  asio::awaitable<void> writer();
  asio::awaitable<void> reader();

  SyncServer::Impl& server_;
  std::string peer_;
  ssl::stream<tcp::socket> stream_;
  asio::steady_timer watchdog_;
  asio::steady_timer wake_writer_;
  SteadyClock::time_point deadline_{};
  std::optional<ServerSession> session_;
  std::string serial_;
  std::deque<SharedFrame> outbox_;
  std::size_t queued_bytes_ = 0;
  std::optional<std::string> close_after_flush_;
  bool open_ = true;
  bool registered_ = false;
  bool changes_waiting_ = false;
};

asio::awaitable<void> Connection::watchdog() {
  auto self = shared_from_this();
  while (open_) {
    watchdog_.expires_at(deadline_);
    co_await watchdog_.async_wait(kNoThrow);
    if (!open_) break;
    if (SteadyClock::now() >= deadline_) {
      close_now(session_ ? "silent for too long (no message within the timeout)"
                         : "no TLS handshake within the timeout");
      break;
    }
  }
}

void Connection::close_now(std::string_view reason) {
  if (!open_) return;
  open_ = false;
  if (!reason.empty()) server_.log(name() + ": dropped: " + std::string(reason));
  boost::system::error_code ignored;
  stream_.lowest_layer().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.lowest_layer().close(ignored);
  watchdog_.cancel();
  wake_writer_.cancel();
}

void Connection::deliver(SessionStep step) {
  for (const auto& line : step.log) server_.log(line);
  if (!open_) return;
  for (auto& frame : step.frames) {
    queued_bytes_ += frame->size();
    outbox_.push_back(std::move(frame));
  }
  if (step.store) server_.queue_push(shared_from_this(), std::move(*step.store));
  if (step.close && !close_after_flush_) close_after_flush_ = std::move(step.close);
  if (step.stored_new) server_.changed();
  if (queued_bytes_ > kMaxQueuedBytes) {
    close_now("it does not read what it is sent (" + std::to_string(queued_bytes_ >> 20) +
              " MiB queued)");
    return;
  }
  wake_writer_.cancel();
}

void Connection::finish(std::string reason) {
  if (!session_) {  // no TLS yet: nothing can be said, only closed
    close_now(reason);
    return;
  }
  SessionStep step;
  step.frames.push_back(std::make_shared<const std::string>(
      encode_frame(MessageType::error, encode_error(ErrorMessage{reason}))));
  step.close = std::move(reason);
  deliver(std::move(step));
  extend_deadline(std::chrono::duration_cast<std::chrono::milliseconds>(kDrainTimeout));
}

asio::awaitable<void> Connection::writer() {
  auto self = shared_from_this();
  while (open_) {
    if (outbox_.empty()) {
      if (close_after_flush_) {
        server_.log(name() + ": closed: " + *close_after_flush_);
        close_now("");
        break;
      }
      wake_writer_.expires_at(SteadyClock::time_point::max());
      co_await wake_writer_.async_wait(kNoThrow);
      continue;
    }
    const std::string& front = *outbox_.front();
    auto [error, written] = co_await asio::async_write(stream_, asio::buffer(front), kNoThrow);
    if (error) {
      close_now("sending failed: " + error.message());
      break;
    }
    queued_bytes_ -= front.size();
    outbox_.pop_front();
    if (outbox_.empty() && changes_waiting_) send_changes();
  }
}

void Connection::send_changes() {
  if (!open_ || !session_ || !session_->ready()) return;
  if (!outbox_.empty()) {
    changes_waiting_ = true;
    return;
  }
  changes_waiting_ = false;
  deliver(session_->on_changes());
}

asio::awaitable<void> Connection::reader() {
  FrameReader frames;
  std::array<std::uint8_t, 16 * 1024> buffer{};
  while (open_) {
    auto [error, n] = co_await stream_.async_read_some(asio::buffer(buffer), kNoThrow);
    if (error) {
      if (open_)
        close_now(error == asio::error::eof || error == ssl::error::stream_truncated
                      ? "the kiosk closed the connection"
                      : "reading failed: " + error.message());
      break;
    }
    frames.feed(std::span<const std::uint8_t>(buffer.data(), n));
    while (open_ && !close_after_flush_) {
      auto next = frames.next();
      if (!next) {
        finish("bad frame: " + next.error().message);
        break;
      }
      if (!*next) break;
      extend_deadline(server_.options_.idle_timeout);
      deliver(session_->on_frame(**next));
      if (!registered_ && session_->ready()) {
        registered_ = true;
        server_.identified(shared_from_this());
      }
    }
  }
}

asio::awaitable<void> Connection::run() {
  auto self = shared_from_this();
  extend_deadline(server_.options_.handshake_timeout);
  asio::co_spawn(server_.io_, watchdog(), asio::detached);
  auto [error] = co_await stream_.async_handshake(ssl::stream_base::server, kNoThrow);
  if (error) {
    close_now("refused: TLS handshake failed: " + error.message());
    server_.gone(this);
    co_return;
  }
  X509* certificate = SSL_get1_peer_certificate(stream_.native_handle());
  if (certificate == nullptr) {  // cannot happen with fail_if_no_peer_cert; refuse regardless
    close_now("refused: no client certificate");
    server_.gone(this);
    co_return;
  }
  const auto info = info_of(certificate);
  const std::string kiosk = info ? info->subject_cn : std::string();
  serial_ = info ? info->serial_hex : std::string();
  X509_free(certificate);
  session_.emplace(server_.hub_, server_.feed_, peer_, kiosk);
  extend_deadline(server_.options_.idle_timeout);
  SessionStep greeting;
  greeting.frames.push_back(session_->greeting());
  deliver(std::move(greeting));
  asio::co_spawn(server_.io_, writer(), asio::detached);
  co_await reader();
  session_->closed();
  server_.gone(this);
}

std::expected<void, std::string> SyncServer::Impl::load_credentials() {
  boost::system::error_code ec;
  tls_.set_options(ssl::context::no_sslv2 | ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                       ssl::context::no_tlsv1_1 | ssl::context::no_tlsv1_2,
                   ec);
  if (ec) return std::unexpected("TLS: " + ec.message());
  SSL_CTX_set_min_proto_version(tls_.native_handle(), TLS1_3_VERSION);
  tls_.use_certificate_chain_file(options_.certificate.string(), ec);
  if (ec) return std::unexpected(options_.certificate.string() + ": " + ec.message());
  tls_.use_private_key_file(options_.private_key.string(), ssl::context::pem, ec);
  if (ec) return std::unexpected(options_.private_key.string() + ": " + ec.message());
  if (SSL_CTX_check_private_key(tls_.native_handle()) != 1)
    return std::unexpected(options_.private_key.string() + ": does not match " +
                           options_.certificate.string());
  tls_.load_verify_file(options_.ca.string(), ec);
  if (ec) return std::unexpected(options_.ca.string() + ": " + ec.message());
  tls_.set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert, ec);
  if (ec) return std::unexpected("TLS: " + ec.message());
  // The chain is checked by OpenSSL against our CA only; on top, a revoked kiosk certificate
  // fails the handshake itself, so not one message of it is read.
  tls_.set_verify_callback([this](bool preverified, ssl::verify_context& context) {
    if (!preverified) return false;
    X509_STORE_CTX* store = context.native_handle();
    if (X509_STORE_CTX_get_error_depth(store) != 0) return true;
    const auto info = info_of(X509_STORE_CTX_get_current_cert(store));
    if (info && !is_revoked(info->serial_hex)) return true;
    X509_STORE_CTX_set_error(store, X509_V_ERR_CERT_REVOKED);
    return false;
  });
  reload_revocations();
  return {};
}

void SyncServer::Impl::reload_revocations() {
  auto serials = hub_.revoked_certificate_serials();
  if (!serials) {
    log("revoked certificates not read: " + serials.error().message);
    return;
  }
  revoked_ = std::set<std::string>(serials->begin(), serials->end());
  for (const auto& connection : connections_)
    if (!connection->serial().empty() && revoked_.contains(connection->serial()))
      connection->finish("the kiosk's certificate was revoked");
}

std::expected<unsigned short, std::string> SyncServer::Impl::start() {
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(options_.address, ec);
  if (ec) return std::unexpected("sync listen address " + options_.address + ": " + ec.message());
  const tcp::endpoint endpoint(address, options_.port);
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) return std::unexpected("cannot listen on " + describe(endpoint) + ": " + ec.message());
  if (auto reset = hub_.reset_connections(); !reset)
    return std::unexpected("server database: " + reset.error().message);
  const auto port = acceptor_.local_endpoint().port();
  auto self = shared_from_this();
  asio::co_spawn(
      io_, [self]() { return self->accept_loop(); }, asio::detached);
  asio::co_spawn(
      io_, [self]() { return self->watch_loop(); }, asio::detached);
  return port;
}

asio::awaitable<void> SyncServer::Impl::accept_loop() {
  while (!stopping_) {
    auto [error, socket] = co_await acceptor_.async_accept(kNoThrow);
    if (stopping_) break;
    if (error) {
      log("accept failed: " + error.message());
      if (error == asio::error::no_descriptors || error == asio::error::no_buffer_space) {
        asio::steady_timer pause(io_, std::chrono::milliseconds(100));
        co_await pause.async_wait(kNoThrow);
      }
      continue;
    }
    if (connections_.size() >= options_.max_connections) {
      boost::system::error_code ignored;
      log(describe(socket.remote_endpoint(ignored)) + ": refused: " +
          std::to_string(options_.max_connections) + " connections are open already");
      socket.close(ignored);
      continue;
    }
    // Acks, claim results and commands are small and wanted now: no Nagle delay behind them.
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    auto connection = std::make_shared<Connection>(*this, std::move(socket));
    make_room_for_handshake();
    handshaking_.push_back(connection);
    connections_.insert(connection);
    asio::co_spawn(io_, connection->run(), asio::detached);
  }
}

// A kiosk's handshake takes milliseconds; sockets that sit in it are the ones to give up when
// they would otherwise fill the server (a scan, a flood, a broken client).
void SyncServer::Impl::make_room_for_handshake() {
  std::erase_if(handshaking_, [](const std::weak_ptr<Connection>& c) {
    const auto connection = c.lock();
    return !connection || !connection->in_handshake();
  });
  while (handshaking_.size() >= options_.max_handshakes) {
    if (auto oldest = handshaking_.front().lock())
      oldest->close_now("refused: " + std::to_string(options_.max_handshakes) +
                        " connections are in the TLS handshake; the oldest makes room");
    handshaking_.pop_front();
  }
}

asio::awaitable<void> SyncServer::Impl::watch_loop() {
  auto self = shared_from_this();
  while (!stopping_) {
    auto latest = hub_.latest_change();
    if (!latest) {
      log("database not readable: " + latest.error().message);
    } else if (*latest != last_change_) {
      const bool first = last_change_ < 0;
      last_change_ = *latest;
      if (!first) {
        reload_revocations();
        changed();
        for (const auto& connection : connections_)
          if (auto* session = connection->session(); session && session->ready())
            connection->deliver(session->on_commands());
      }
    }
    watch_timer_.expires_after(options_.watch_interval);
    co_await watch_timer_.async_wait(kNoThrow);
  }
}

void SyncServer::Impl::changed() {
  if (fan_out_pending_ || stopping_) return;
  fan_out_pending_ = true;
  fan_out_timer_.expires_after(options_.fan_out_delay);
  fan_out_timer_.async_wait([self = shared_from_this()](const boost::system::error_code& error) {
    self->fan_out_pending_ = false;
    if (error || self->stopping_) return;
    // A copy: delivering may drop a connection that stopped reading.
    const std::vector<std::shared_ptr<Connection>> all(self->connections_.begin(),
                                                       self->connections_.end());
    // One handler per kiosk, so reads, acks and heartbeats get their turn in between; the
    // frames themselves are built once (ChangeFeed) and shared.
    for (const auto& connection : all)
      asio::post(self->io_, [weak = std::weak_ptr<Connection>(connection)] {
        if (const auto alive = weak.lock()) alive->send_changes();
      });
  });
}

void SyncServer::Impl::queue_push(const std::shared_ptr<Connection>& from, Push push) {
  pending_pushes_.push_back(
      PendingPush{from, KioskPush{from->session()->kiosk_id(), std::move(push)}});
  if (commit_scheduled_) return;
  commit_scheduled_ = true;
  // Behind whatever the loop has ready: pushes other kiosks sent meanwhile join this commit.
  asio::post(io_, [self = shared_from_this()] { self->commit_pushes(); });
}

void SyncServer::Impl::commit_pushes() {
  commit_scheduled_ = false;
  auto pending = std::move(pending_pushes_);
  pending_pushes_.clear();
  std::vector<KioskPush> pushes;
  pushes.reserve(pending.size());
  for (auto& item : pending) pushes.push_back(std::move(item.push));
  const auto results = hub_.push_batch(pushes);
  for (std::size_t i = 0; i < pending.size(); ++i) {
    const auto connection = pending[i].from.lock();
    if (!connection || !connection->session()) continue;
    connection->deliver(connection->session()->on_stored(results[i], pushes[i].push.events.size()));
  }
}

void SyncServer::Impl::identified(const std::shared_ptr<Connection>& connection) {
  const std::string& kiosk = connection->session()->kiosk_id();
  if (auto old = by_kiosk_[kiosk].lock(); old && old != connection)
    old->finish("replaced by a newer connection of the same kiosk");
  by_kiosk_[kiosk] = connection;
}

void SyncServer::Impl::gone(Connection* connection) {
  const auto it = std::ranges::find_if(
      connections_, [connection](const auto& c) { return c.get() == connection; });
  if (it == connections_.end()) return;
  if (auto* session = connection->session(); session && !session->kiosk_id().empty()) {
    const auto known = by_kiosk_.find(session->kiosk_id());
    if (known != by_kiosk_.end() && known->second.lock().get() == connection)
      by_kiosk_.erase(known);
  }
  connections_.erase(it);
}

void SyncServer::Impl::stop() {
  if (stopping_) return;
  stopping_ = true;
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  watch_timer_.cancel();
  fan_out_timer_.cancel();
  for (const auto& connection : connections_) connection->finish("the server is shutting down");
}

std::expected<std::unique_ptr<SyncServer>, std::string> SyncServer::create(
    asio::io_context& io, SyncHub& hub, SyncServerOptions options, LogSink log) {
  auto impl = std::make_shared<Impl>(io, hub, std::move(options), std::move(log));
  if (auto loaded = impl->load_credentials(); !loaded) return std::unexpected(loaded.error());
  return std::unique_ptr<SyncServer>(new SyncServer(std::move(impl)));
}

SyncServer::SyncServer(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

SyncServer::~SyncServer() {
  impl_->stop();
}

std::expected<unsigned short, std::string> SyncServer::start() {
  return impl_->start();
}

void SyncServer::stop() {
  impl_->stop();
}

std::size_t SyncServer::connections() const {
  return impl_->connections_.size();
}

}  // namespace einlass
