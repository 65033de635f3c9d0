#pragma once
// A stand-in for a Zebra printer on 127.0.0.1 (port 0, picked by the system): it accepts
// connections one after another, answers ~HS with a canned status (or stays silent, as a real
// printer out of media does), and keeps every byte it received per connection.
#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace einlass::test {

class FakeZebra {
 public:
  // `host_status`: the reply to ~HS; nullopt for no reply.
  explicit FakeZebra(std::optional<std::string> host_status);
  ~FakeZebra();
  FakeZebra(const FakeZebra&) = delete;
  FakeZebra& operator=(const FakeZebra&) = delete;

  int port() const { return port_; }
  // What each finished connection sent; waits up to two seconds for `count` of them.
  std::vector<std::string> received(std::size_t count) const;

  // A ~HS reply with the given flags, everything else in its normal state.
  static std::string host_status(bool paper_out, bool paused, bool head_up, int formats_waiting);

 private:
  void serve();

  std::optional<std::string> host_status_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::vector<std::string> connections_;
  std::thread thread_;
};

}  // namespace einlass::test
