#pragma once
// A lean simulated kiosk: speaks the sync frames over TLS 1.3 with its own client certificate,
// without a replica. Its pushes are encoded before the clock starts, what the server sends is
// counted, not stored, so nearly all the time measured is the server's.
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "venue.h"

namespace einlass::bench {

struct LeanKioskPlan {
  std::string kiosk_id;
  TlsFiles tls;
  unsigned short port = 0;
  bool pull = true;    // false: never subscribes, so the server fans nothing out to it
  std::string cursor;  // for hello and pull; empty gets a snapshot
  std::vector<std::string> push_frames;             // encoded frames, sent when pushing() is called
  int pushes_in_flight = 2;                         // like the real client (kMaxPushesInFlight)
  std::chrono::milliseconds heartbeat_interval{0};  // 0: none
};

struct LeanKioskCounts {
  bool ready = false;  // the answer to its pull has arrived (the whole snapshot, if one)
  bool done = false;   // every push acknowledged
  std::size_t acks = 0;
  std::size_t changes_frames = 0;
  std::size_t snapshot_frames = 0;
  std::size_t bytes_received = 0;
  std::string failure;
};

// Kiosks on one io_context (the caller runs it). Callbacks run on that thread.
class LeanFleet {
 public:
  explicit LeanFleet(boost::asio::io_context& io);
  ~LeanFleet();

  // Connects every plan's kiosk; `on_progress` runs whenever one becomes ready or done or fails.
  void connect(std::vector<LeanKioskPlan> plans, std::function<void()> on_progress);
  // Every kiosk starts sending its push frames, pipelined.
  void start_pushing();
  void close_all();

  std::size_t size() const;
  std::size_t ready() const;
  std::size_t done() const;
  std::size_t failed() const;
  const LeanKioskCounts& counts(std::size_t i) const;

 private:
  class Kiosk;
  boost::asio::io_context& io_;
  std::vector<std::shared_ptr<Kiosk>> kiosks_;
};

}  // namespace einlass::bench
