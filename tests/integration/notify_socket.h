#pragma once
// systemd's side of sd_notify for a daemon under test: a datagram socket the daemon is pointed at
// with NOTIFY_SOCKET, and the messages it sent.
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace einlass::test {

class NotifySocket {
 public:
  explicit NotifySocket(std::filesystem::path path);
  ~NotifySocket();
  NotifySocket(const NotifySocket&) = delete;
  NotifySocket& operator=(const NotifySocket&) = delete;

  // "NOTIFY_SOCKET=<path>", for the daemon's environment.
  std::string environment() const;
  // Keeps what arrives for `span`.
  void collect(std::chrono::milliseconds span);
  // Messages received so far that contain `text` ("READY=1").
  std::size_t count(const std::string& text) const;

 private:
  std::filesystem::path path_;
  int socket_ = -1;
  std::vector<std::string> messages_;
};

}  // namespace einlass::test
