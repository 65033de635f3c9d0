#pragma once
// A TCP connection where every wait has a deadline: a printer that stops answering must not
// hang the kiosk. Failures are DeviceError::unavailable with the host and the reason.
#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "device/device_error.h"

namespace einlass {

class TcpStream {
 public:
  using Duration = std::chrono::milliseconds;

  // Tries each address of `host` until one connects, all within `timeout`.
  static DeviceResult<TcpStream> connect(const std::string& host, int port, Duration timeout);

  TcpStream(TcpStream&& other) noexcept;
  TcpStream& operator=(TcpStream&& other) noexcept;
  ~TcpStream();

  DeviceResult<void> send_all(std::string_view data, Duration timeout);
  // Reads until `complete(received)` holds, the peer closes, or `timeout` passes; returns what
  // arrived, possibly incomplete.
  DeviceResult<std::string> receive(const std::function<bool(std::string_view)>& complete,
                                    Duration timeout);
  // Half-closes and waits up to `timeout` for the peer to close: the printer has read all.
  // Returns false when it did not close in time.
  bool finish(Duration timeout);

  const std::string& peer() const { return peer_; }

 private:
  TcpStream(int fd, std::string peer) : fd_(fd), peer_(std::move(peer)) {}
  int fd_ = -1;
  std::string peer_;  // "host:port", for messages
};

}  // namespace einlass
