#pragma once
// The kiosk's link to the server: TLS 1.3 with its client certificate, on the kiosk's single
// io_context. It connects, pushes its unsynced events in bounded batches, applies what the
// server sends, answers claims within a deadline, and reconnects with jittered exponential
// backoff whenever the link fails. Admissions never wait for it beyond a claim's deadline.
#include <chrono>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "link/client_session.h"

namespace boost::asio {
class io_context;
}  // namespace boost::asio

namespace einlass {

class ReplicaSync;

struct SyncClientOptions {
  std::string kiosk_id;
  std::string host;
  unsigned short port = 7443;
  std::filesystem::path ca;
  std::filesystem::path certificate;
  std::filesystem::path private_key;
  std::chrono::milliseconds heartbeat_interval{5000};
  // No frame from the server for this long (it answers every heartbeat): the link is dead.
  std::chrono::milliseconds idle_timeout{15000};
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds backoff_min{500};
  std::chrono::milliseconds backoff_max{30000};
};

struct SyncClientHooks {
  // The next heartbeat: device health, counters and the kiosk's clock.
  std::function<Heartbeat()> heartbeat;
  // The replica changed (what arrived is in the step) or commands came in.
  std::function<void(const ClientStep& step)> received;
  // The link came up (true) or went down (false).
  std::function<void(bool online)> link_changed;
};

class SyncClient {
 public:
  using LogSink = std::function<void(std::string_view line)>;
  using ClaimDone = std::function<void(std::optional<ClaimResult>)>;

  // Loads the certificate files (every error names the file); does not connect yet.
  static std::expected<std::unique_ptr<SyncClient>, std::string> create(boost::asio::io_context& io,
                                                                        ReplicaSync& sync,
                                                                        SyncClientOptions options,
                                                                        SyncClientHooks hooks,
                                                                        LogSink log);
  ~SyncClient();

  void start();
  void stop();

  // New own events are committed: push them now when online.
  void events_committed();
  // Asks the server whether `claim` may be admitted; `done` runs exactly once, on the io
  // thread: with the answer, or with nullopt when offline or past `deadline`.
  void claim(Claim claim, std::chrono::milliseconds deadline, ClaimDone done);

  bool online() const;

 private:
  class Impl;
  explicit SyncClient(std::shared_ptr<Impl> impl);
  std::shared_ptr<Impl> impl_;
};

// The pause before reconnect attempt `attempt` (0-based): doubling from `min` up to `max`, then
// scaled by `jitter` in [0.5, 1] so that a hundred kiosks do not reconnect in step.
std::chrono::milliseconds backoff_delay(int attempt, std::chrono::milliseconds min,
                                        std::chrono::milliseconds max, double jitter);

}  // namespace einlass
