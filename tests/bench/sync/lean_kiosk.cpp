#include "lean_kiosk.h"

// The only file of the benchmark with Asio's TLS in it.
#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <deque>

#include "base/version.h"
#include "sync/frame.h"
#include "sync/handshake.h"
#include "sync/messages.h"

namespace einlass::bench {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

// The last part of a snapshot says "more":false. Parsing 50,000 attendees per kiosk only to read
// that flag would put the client's cost into the server's figures; the encoder writes the key
// exactly so (nlohmann's dump, no spaces).
bool last_snapshot_part(const std::string& payload) {
  return payload.find("\"more\":false") != std::string::npos;
}

}  // namespace

class LeanFleet::Kiosk : public std::enable_shared_from_this<LeanFleet::Kiosk> {
 public:
  Kiosk(asio::io_context& io, LeanKioskPlan plan, std::function<void()> on_progress)
      : io_(io),
        plan_(std::move(plan)),
        on_progress_(std::move(on_progress)),
        tls_(ssl::context::tls_client),
        stream_(io, make_context()),
        wake_writer_(io),
        heartbeat_(io) {}

  void start() {
    asio::co_spawn(
        io_, [self = shared_from_this()] { return self->run(); }, asio::detached);
  }

  void start_pushing() {
    pushing_ = true;
    push_more();
  }

  void close(std::string why = {}) {
    if (!open_) return;
    open_ = false;
    if (!why.empty() && counts_.failure.empty()) counts_.failure = std::move(why);
    boost::system::error_code ignored;
    stream_.lowest_layer().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.lowest_layer().close(ignored);
    wake_writer_.cancel();
    heartbeat_.cancel();
  }

  const LeanKioskCounts& counts() const { return counts_; }

 private:
  ssl::context& make_context() {
    SSL_CTX_set_min_proto_version(tls_.native_handle(), TLS1_3_VERSION);
    tls_.add_certificate_authority(asio::buffer(plan_.tls.ca_pem));
    tls_.use_certificate_chain(asio::buffer(plan_.tls.pem.certificate_pem));
    tls_.use_private_key(asio::buffer(plan_.tls.pem.private_key_pem), ssl::context::pem);
    tls_.set_verify_mode(ssl::verify_peer);
    return tls_;
  }

  void send(std::string frame) {
    outbox_.push_back(std::move(frame));
    wake_writer_.cancel();
  }

  void push_more() {
    while (pushing_ && in_flight_ < plan_.pushes_in_flight &&
           next_push_ < plan_.push_frames.size()) {
      send(std::move(plan_.push_frames[next_push_++]));
      ++in_flight_;
    }
  }

  void progress() {
    if (on_progress_) on_progress_();
  }

  asio::awaitable<void> run() {
    auto self = shared_from_this();
    tcp::resolver resolver(io_);
    auto [resolve_error, endpoints] =
        co_await resolver.async_resolve("127.0.0.1", std::to_string(plan_.port), kNoThrow);
    if (!resolve_error) {
      auto [connect_error, endpoint] =
          co_await asio::async_connect(stream_.lowest_layer(), endpoints, kNoThrow);
      resolve_error = connect_error;
    }
    if (resolve_error) {
      close("connect: " + resolve_error.message());
      progress();
      co_return;
    }
    stream_.lowest_layer().set_option(tcp::no_delay(true));
    auto [handshake_error] = co_await stream_.async_handshake(ssl::stream_base::client, kNoThrow);
    if (handshake_error) {
      close("TLS handshake: " + handshake_error.message());
      progress();
      co_return;
    }
    const VersionOffer offer{{kSyncProtocolVersion}, std::string(software_version())};
    send(encode_frame(MessageType::version, encode_version_offer(offer)));
    send(encode_frame(MessageType::hello,
                      encode_hello(Hello{plan_.kiosk_id, "bench", plan_.cursor})));
    if (plan_.pull) {
      send(encode_frame(MessageType::pull, encode_pull(Pull{plan_.cursor})));
    } else {
      counts_.ready = true;
      progress();
    }
    asio::co_spawn(io_, writer(), asio::detached);
    if (plan_.heartbeat_interval.count() > 0) asio::co_spawn(io_, heartbeats(), asio::detached);
    co_await reader();
  }

  asio::awaitable<void> writer() {
    auto self = shared_from_this();
    while (open_) {
      if (outbox_.empty()) {
        wake_writer_.expires_at(asio::steady_timer::time_point::max());
        co_await wake_writer_.async_wait(kNoThrow);
        continue;
      }
      auto [error, n] =
          co_await asio::async_write(stream_, asio::buffer(outbox_.front()), kNoThrow);
      if (error) {
        close("send: " + error.message());
        progress();
        break;
      }
      outbox_.pop_front();
    }
  }

  asio::awaitable<void> heartbeats() {
    auto self = shared_from_this();
    while (open_) {
      Heartbeat beat;
      beat.health.printer = PrinterHealth::ok;
      beat.kiosk_time_ms = to_unix_ms(SystemClock().now());
      send(encode_frame(MessageType::heartbeat, encode_heartbeat(beat)));
      heartbeat_.expires_after(plan_.heartbeat_interval);
      co_await heartbeat_.async_wait(kNoThrow);
    }
  }

  asio::awaitable<void> reader() {
    FrameReader frames;
    std::array<std::uint8_t, 64 * 1024> buffer{};
    while (open_) {
      auto [error, n] = co_await stream_.async_read_some(asio::buffer(buffer), kNoThrow);
      if (error) {
        if (open_) {
          close("read: " + error.message());
          progress();
        }
        break;
      }
      counts_.bytes_received += n;
      frames.feed(std::span<const std::uint8_t>(buffer.data(), n));
      while (open_) {
        auto next = frames.next();
        if (!next) {
          close("bad frame: " + next.error().message);
          progress();
          break;
        }
        if (!*next) break;
        on_frame(**next);
      }
    }
  }

  void on_frame(const Frame& frame) {
    switch (frame.type) {
      case MessageType::ack:
        ++counts_.acks;
        if (in_flight_ > 0) --in_flight_;
        push_more();
        if (next_push_ == plan_.push_frames.size() && in_flight_ == 0 && !counts_.done) {
          counts_.done = true;
          progress();
        }
        return;
      case MessageType::changes:
        ++counts_.changes_frames;
        if (!counts_.ready) {
          counts_.ready = true;
          progress();
        }
        return;
      case MessageType::snapshot:
        ++counts_.snapshot_frames;
        if (!counts_.ready && last_snapshot_part(frame.payload)) {
          counts_.ready = true;
          progress();
        }
        return;
      case MessageType::error: {
        auto message = parse_error(frame.payload);
        close("server error: " + (message ? message->message : frame.payload));
        progress();
        return;
      }
      default:
        return;
    }
  }

  asio::io_context& io_;
  LeanKioskPlan plan_;
  std::function<void()> on_progress_;
  ssl::context tls_;
  ssl::stream<tcp::socket> stream_;
  asio::steady_timer wake_writer_;
  asio::steady_timer heartbeat_;
  std::deque<std::string> outbox_;
  std::size_t next_push_ = 0;
  int in_flight_ = 0;
  bool pushing_ = false;
  bool open_ = true;
  LeanKioskCounts counts_;
};

LeanFleet::LeanFleet(asio::io_context& io) : io_(io) {}

LeanFleet::~LeanFleet() {
  close_all();
}

void LeanFleet::connect(std::vector<LeanKioskPlan> plans, std::function<void()> on_progress) {
  for (auto& plan : plans) {
    auto kiosk = std::make_shared<Kiosk>(io_, std::move(plan), on_progress);
    kiosks_.push_back(kiosk);
    kiosk->start();
  }
}

void LeanFleet::start_pushing() {
  for (const auto& kiosk : kiosks_) kiosk->start_pushing();
}

void LeanFleet::close_all() {
  for (const auto& kiosk : kiosks_) kiosk->close();
}

std::size_t LeanFleet::size() const {
  return kiosks_.size();
}

std::size_t LeanFleet::ready() const {
  std::size_t n = 0;
  for (const auto& kiosk : kiosks_) n += kiosk->counts().ready ? 1 : 0;
  return n;
}

std::size_t LeanFleet::done() const {
  std::size_t n = 0;
  for (const auto& kiosk : kiosks_) n += kiosk->counts().done ? 1 : 0;
  return n;
}

std::size_t LeanFleet::failed() const {
  std::size_t n = 0;
  for (const auto& kiosk : kiosks_) n += kiosk->counts().failure.empty() ? 0 : 1;
  return n;
}

const LeanKioskCounts& LeanFleet::counts(std::size_t i) const {
  return kiosks_[i]->counts();
}

}  // namespace einlass::bench
