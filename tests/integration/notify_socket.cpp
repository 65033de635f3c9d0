#include "notify_socket.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace einlass::test {

NotifySocket::NotifySocket(std::filesystem::path path) : path_(std::move(path)) {
  socket_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (socket_ < 0) throw std::runtime_error("notify socket: socket() failed");
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::snprintf(address.sun_path, sizeof address.sun_path, "%s", path_.c_str());
  if (::bind(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
    throw std::runtime_error("notify socket: cannot bind " + path_.string());
  timeval timeout{0, 100'000};
  ::setsockopt(socket_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
}

NotifySocket::~NotifySocket() {
  ::close(socket_);
}

std::string NotifySocket::environment() const {
  return "NOTIFY_SOCKET=" + path_.string();
}

void NotifySocket::collect(std::chrono::milliseconds span) {
  const auto end = std::chrono::steady_clock::now() + span;
  while (std::chrono::steady_clock::now() < end) {
    char buffer[512];
    const auto n = ::recv(socket_, buffer, sizeof buffer, 0);
    if (n > 0) messages_.emplace_back(buffer, static_cast<std::size_t>(n));
  }
}

std::size_t NotifySocket::count(const std::string& text) const {
  return static_cast<std::size_t>(
      std::count_if(messages_.begin(), messages_.end(),
                    [&](const std::string& m) { return m.find(text) != std::string::npos; }));
}

}  // namespace einlass::test
