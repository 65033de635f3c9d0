#include "link/sync_client.h"

// The only translation unit of the kiosk with Asio's TLS in it: it compiles slowly.
#include <algorithm>
#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <cmath>
#include <deque>
#include <map>
#include <random>

#include "sync/replica_sync.h"

namespace einlass {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

namespace {

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

}  // namespace

std::chrono::milliseconds backoff_delay(int attempt, std::chrono::milliseconds min,
                                        std::chrono::milliseconds max, double jitter) {
  const double doubled = static_cast<double>(min.count()) * std::pow(2.0, std::min(attempt, 20));
  const double capped = std::min(doubled, static_cast<double>(max.count()));
  return std::chrono::milliseconds(
      static_cast<std::int64_t>(capped * std::clamp(jitter, 0.5, 1.0)));
}

// One TLS connection and everything that lives exactly as long as it.
struct Link {
  Link(asio::io_context& io, ssl::context& tls, ReplicaSync& sync, const std::string& kiosk)
      : stream(io, tls), wake_writer(io), watchdog(io), heartbeat(io), session(sync, kiosk) {}
  ssl::stream<tcp::socket> stream;
  asio::steady_timer wake_writer;
  asio::steady_timer watchdog;
  asio::steady_timer heartbeat;
  SteadyClock::time_point deadline{};
  ClientSession session;
  std::deque<std::string> outbox;
  std::optional<std::string> close_after_flush;
  std::string failure;
  bool open = true;

  void close(std::string why) {
    if (!open) return;
    open = false;
    if (failure.empty()) failure = std::move(why);
    boost::system::error_code ignored;
    stream.lowest_layer().shutdown(tcp::socket::shutdown_both, ignored);
    stream.lowest_layer().close(ignored);
    wake_writer.cancel();
    watchdog.cancel();
    heartbeat.cancel();
  }
  void send(std::vector<std::string> frames) {
    for (auto& frame : frames) outbox.push_back(std::move(frame));
    wake_writer.cancel();
  }
};

class SyncClient::Impl : public std::enable_shared_from_this<SyncClient::Impl> {
 public:
  Impl(asio::io_context& io, ReplicaSync& sync, SyncClientOptions options, SyncClientHooks hooks,
       LogSink log)
      : io_(io),
        sync_(sync),
        options_(std::move(options)),
        hooks_(std::move(hooks)),
        log_(std::move(log)),
        tls_(ssl::context::tls_client),
        retry_timer_(io),
        random_(std::random_device{}()) {}

  std::expected<void, std::string> load_credentials();
  void start();
  void stop();
  void events_committed();
  void claim(Claim claim, std::chrono::milliseconds deadline, ClaimDone done);
  bool online() const { return online_; }

 private:
  struct PendingClaim {
    ClaimDone done;
    std::shared_ptr<asio::steady_timer> timer;
  };

  void log(std::string_view line) const {
    if (log_) log_("sync: " + std::string(line));
  }
  asio::awaitable<void> run_loop();
  asio::awaitable<void> connect_once();
  asio::awaitable<void> writer(std::shared_ptr<Link> link);
  asio::awaitable<void> watchdog(std::shared_ptr<Link> link);
  asio::awaitable<void> heartbeats(std::shared_ptr<Link> link);
  void handle(Link& link, ClientStep step);
  void set_online(bool online);
  void fail_claims();

  asio::io_context& io_;
  ReplicaSync& sync_;
  SyncClientOptions options_;
  SyncClientHooks hooks_;
  LogSink log_;
  ssl::context tls_;
  asio::steady_timer retry_timer_;
  std::mt19937 random_;
  std::shared_ptr<Link> link_;
  std::map<std::uint32_t, PendingClaim> claims_;
  std::uint32_t next_request_ = 1;
  int attempt_ = 0;
  bool online_ = false;
  bool stopping_ = false;
};

std::expected<void, std::string> SyncClient::Impl::load_credentials() {
  boost::system::error_code ec;
  SSL_CTX_set_min_proto_version(tls_.native_handle(), TLS1_3_VERSION);
  tls_.load_verify_file(options_.ca.string(), ec);
  if (ec) return std::unexpected(options_.ca.string() + ": " + ec.message());
  tls_.use_certificate_chain_file(options_.certificate.string(), ec);
  if (ec) return std::unexpected(options_.certificate.string() + ": " + ec.message());
  tls_.use_private_key_file(options_.private_key.string(), ssl::context::pem, ec);
  if (ec) return std::unexpected(options_.private_key.string() + ": " + ec.message());
  if (SSL_CTX_check_private_key(tls_.native_handle()) != 1)
    return std::unexpected(options_.private_key.string() + ": does not match " +
                           options_.certificate.string());
  tls_.set_verify_mode(ssl::verify_peer, ec);
  if (ec) return std::unexpected("TLS: " + ec.message());
  return {};
}

void SyncClient::Impl::start() {
  asio::co_spawn(
      io_, [self = shared_from_this()]() { return self->run_loop(); }, asio::detached);
}

void SyncClient::Impl::stop() {
  stopping_ = true;
  retry_timer_.cancel();
  if (link_) link_->close("the kiosk is stopping");
  fail_claims();
}

asio::awaitable<void> SyncClient::Impl::run_loop() {
  auto self = shared_from_this();
  while (!stopping_) {
    co_await connect_once();
    set_online(false);
    fail_claims();
    if (stopping_) break;
    std::uniform_real_distribution<double> jitter(0.5, 1.0);
    const auto pause =
        backoff_delay(attempt_++, options_.backoff_min, options_.backoff_max, jitter(random_));
    log("offline (" + (link_ ? link_->failure : std::string("not connected")) +
        "); next attempt in " + std::to_string(pause.count()) + " ms");
    link_.reset();
    retry_timer_.expires_after(pause);
    co_await retry_timer_.async_wait(kNoThrow);
  }
}

asio::awaitable<void> SyncClient::Impl::connect_once() {
  auto link = std::make_shared<Link>(io_, tls_, sync_, options_.kiosk_id);
  link_ = link;
  link->deadline = SteadyClock::now() + options_.connect_timeout;
  asio::co_spawn(io_, watchdog(link), asio::detached);

  tcp::resolver resolver(io_);
  auto [resolve_error, endpoints] =
      co_await resolver.async_resolve(options_.host, std::to_string(options_.port), kNoThrow);
  if (resolve_error) {
    link->close("cannot resolve " + options_.host + ": " + resolve_error.message());
    co_return;
  }
  auto [connect_error, endpoint] =
      co_await asio::async_connect(link->stream.lowest_layer(), endpoints, kNoThrow);
  if (connect_error || !link->open) {
    link->close("cannot connect to " + options_.host + ":" + std::to_string(options_.port) + ": " +
                (connect_error ? connect_error.message() : link->failure));
    co_return;
  }
  // A claim is small and waited for: no Nagle delay behind it.
  boost::system::error_code ignored;
  link->stream.lowest_layer().set_option(tcp::no_delay(true), ignored);
  // SNI; SSL_set_tlsext_host_name is a macro with a C cast.
  SSL_ctrl(link->stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
           const_cast<char*>(options_.host.c_str()));
  link->stream.set_verify_callback(ssl::host_name_verification(options_.host));
  auto [handshake_error] =
      co_await link->stream.async_handshake(ssl::stream_base::client, kNoThrow);
  if (handshake_error || !link->open) {
    link->close("TLS handshake failed: " +
                (handshake_error ? handshake_error.message() : link->failure));
    co_return;
  }
  link->deadline = SteadyClock::now() + options_.idle_timeout;
  link->send(link->session.start().frames);
  asio::co_spawn(io_, writer(link), asio::detached);
  asio::co_spawn(io_, heartbeats(link), asio::detached);

  FrameReader frames;
  std::array<std::uint8_t, 64 * 1024> buffer{};
  while (link->open) {
    auto [error, n] = co_await link->stream.async_read_some(asio::buffer(buffer), kNoThrow);
    if (error) {
      // A refused client certificate shows here, on the first read (TLS 1.3).
      link->close(online_ ? "connection lost: " + error.message()
                          : "the server refused the connection: " + error.message());
      break;
    }
    frames.feed(std::span<const std::uint8_t>(buffer.data(), n));
    while (link->open) {
      auto next = frames.next();
      if (!next) {
        link->close("bad frame from the server: " + next.error().message);
        break;
      }
      if (!*next) break;
      link->deadline = SteadyClock::now() + options_.idle_timeout;
      handle(*link, link->session.on_frame(**next));
    }
  }
}

void SyncClient::Impl::handle(Link& link, ClientStep step) {
  for (const auto& line : step.log) log(line);
  if (!online_ && link.session.ready()) {
    attempt_ = 0;
    set_online(true);
  }
  if (step.claim_result) {
    const auto it = claims_.find(step.claim_result->request);
    if (it != claims_.end()) {
      auto pending = std::move(it->second);
      claims_.erase(it);
      pending.timer->cancel();
      pending.done(std::move(step.claim_result));
    }
  }
  if (hooks_.received &&
      (step.replica_changed || !step.commands.empty() || step.observed || step.server_time_ms))
    hooks_.received(step);
  link.send(std::move(step.frames));
  if (step.close) {
    link.close_after_flush = *step.close;
    link.failure = *step.close;
  }
}

asio::awaitable<void> SyncClient::Impl::writer(std::shared_ptr<Link> link) {
  while (link->open) {
    if (link->outbox.empty()) {
      if (link->close_after_flush) {
        link->close(*link->close_after_flush);
        break;
      }
      link->wake_writer.expires_at(SteadyClock::time_point::max());
      co_await link->wake_writer.async_wait(kNoThrow);
      continue;
    }
    auto [error, n] =
        co_await asio::async_write(link->stream, asio::buffer(link->outbox.front()), kNoThrow);
    if (error) {
      link->close("sending failed: " + error.message());
      break;
    }
    link->outbox.pop_front();
  }
}

asio::awaitable<void> SyncClient::Impl::watchdog(std::shared_ptr<Link> link) {
  while (link->open) {
    link->watchdog.expires_at(link->deadline);
    co_await link->watchdog.async_wait(kNoThrow);
    if (!link->open) break;
    if (SteadyClock::now() >= link->deadline) {
      link->close(online_ ? "the server went silent" : "no answer from the server in time");
      break;
    }
  }
}

asio::awaitable<void> SyncClient::Impl::heartbeats(std::shared_ptr<Link> link) {
  while (link->open) {
    if (hooks_.heartbeat) {
      link->send({link->session.heartbeat_frame(hooks_.heartbeat())});
    }
    link->heartbeat.expires_after(options_.heartbeat_interval);
    co_await link->heartbeat.async_wait(kNoThrow);
  }
}

void SyncClient::Impl::events_committed() {
  if (link_ && link_->open && online_) link_->send(link_->session.pump().frames);
}

void SyncClient::Impl::claim(Claim claim, std::chrono::milliseconds deadline, ClaimDone done) {
  if (!online_ || !link_ || !link_->open) {
    asio::post(io_, [done = std::move(done)]() { done(std::nullopt); });
    return;
  }
  claim.request = next_request_++;
  auto timer = std::make_shared<asio::steady_timer>(io_, deadline);
  claims_.emplace(claim.request, PendingClaim{std::move(done), timer});
  timer->async_wait(
      [self = shared_from_this(), request = claim.request](const boost::system::error_code& error) {
        if (error) return;  // answered in time
        const auto it = self->claims_.find(request);
        if (it == self->claims_.end()) return;
        auto pending = std::move(it->second);
        self->claims_.erase(it);
        self->log("claim " + std::to_string(request) + " unanswered in time: deciding alone");
        pending.done(std::nullopt);
      });
  link_->send({link_->session.claim_frame(claim)});
}

void SyncClient::Impl::fail_claims() {
  auto pending = std::move(claims_);
  claims_.clear();
  for (auto& [request, claim] : pending) {
    claim.timer->cancel();
    claim.done(std::nullopt);
  }
}

void SyncClient::Impl::set_online(bool online) {
  if (online_ == online) return;
  online_ = online;
  log(online ? "online: connected to " + options_.host + ":" + std::to_string(options_.port)
             : std::string("offline: deciding alone"));
  if (hooks_.link_changed) hooks_.link_changed(online);
}

std::expected<std::unique_ptr<SyncClient>, std::string> SyncClient::create(
    asio::io_context& io, ReplicaSync& sync, SyncClientOptions options, SyncClientHooks hooks,
    LogSink log) {
  auto impl =
      std::make_shared<Impl>(io, sync, std::move(options), std::move(hooks), std::move(log));
  if (auto loaded = impl->load_credentials(); !loaded) return std::unexpected(loaded.error());
  return std::unique_ptr<SyncClient>(new SyncClient(std::move(impl)));
}

SyncClient::SyncClient(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}
SyncClient::~SyncClient() {
  impl_->stop();
}
void SyncClient::start() {
  impl_->start();
}
void SyncClient::stop() {
  impl_->stop();
}
void SyncClient::events_committed() {
  impl_->events_committed();
}
void SyncClient::claim(Claim claim, std::chrono::milliseconds deadline, ClaimDone done) {
  impl_->claim(std::move(claim), deadline, std::move(done));
}
bool SyncClient::online() const {
  return impl_->online();
}

}  // namespace einlass
