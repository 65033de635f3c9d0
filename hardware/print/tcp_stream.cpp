#include "print/tcp_stream.h"

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

namespace einlass {

namespace {

using Clock = std::chrono::steady_clock;

struct AddrInfoFree {
  void operator()(addrinfo* a) const { freeaddrinfo(a); }
};

std::unexpected<DeviceError> unavailable(const std::string& peer, const std::string& why) {
  return device_error(DeviceError::Kind::unavailable, peer + ": " + why);
}

int remaining_ms(Clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() <= 0 ? 0 : static_cast<int>(left.count());
}

// Waits for `events` on `fd` until the deadline: 1 ready, 0 timed out, -1 error (errno set).
int wait_for(int fd, short events, Clock::time_point deadline) {
  while (true) {
    pollfd p{fd, events, 0};
    const int n = ::poll(&p, 1, remaining_ms(deadline));
    if (n < 0 && errno == EINTR) continue;
    return n;
  }
}

void close_quietly(int fd) {
  if (fd >= 0) ::close(fd);
}

}  // namespace

DeviceResult<TcpStream> TcpStream::connect(const std::string& host, int port, Duration timeout) {
  const std::string peer = host + ":" + std::to_string(port);
  const auto deadline = Clock::now() + timeout;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV;
  addrinfo* found = nullptr;
  // getaddrinfo has no timeout of its own; printers are configured by address or a local name.
  const int gai = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found);
  if (gai != 0)
    return unavailable(peer, std::string("cannot resolve the host: ") + gai_strerror(gai));
  const std::unique_ptr<addrinfo, AddrInfoFree> addresses{found};

  std::string last_error = "no address";
  for (const addrinfo* a = addresses.get(); a != nullptr; a = a->ai_next) {
    const int fd =
        ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) {
      last_error = std::strerror(errno);
      continue;
    }
    TcpStream stream{fd, peer};
    if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) return stream;
    if (errno != EINPROGRESS) {
      last_error = std::strerror(errno);
      continue;
    }
    const int ready = wait_for(fd, POLLOUT, deadline);
    if (ready == 0)
      return unavailable(peer, "no connection within " + std::to_string(timeout.count()) + " ms");
    int error = 0;
    socklen_t length = sizeof error;
    if (ready < 0)
      error = errno;
    else if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
      error = errno;
    if (error == 0) return stream;
    last_error = std::strerror(error);
  }
  return unavailable(peer, last_error);
}

TcpStream::TcpStream(TcpStream&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), peer_(std::move(other.peer_)) {}

TcpStream& TcpStream::operator=(TcpStream&& other) noexcept {
  if (this != &other) {
    close_quietly(fd_);
    fd_ = std::exchange(other.fd_, -1);
    peer_ = std::move(other.peer_);
  }
  return *this;
}

TcpStream::~TcpStream() {
  close_quietly(fd_);
}

DeviceResult<void> TcpStream::send_all(std::string_view data, Duration timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!data.empty()) {
    const ssize_t n = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
    if (n > 0) {
      data.remove_prefix(static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
      return unavailable(peer_, std::string("sending failed: ") + std::strerror(errno));
    const int ready = wait_for(fd_, POLLOUT, deadline);
    if (ready == 0)
      return unavailable(peer_, "sending did not finish within " + std::to_string(timeout.count()) +
                                    " ms (" + std::to_string(data.size()) + " bytes left)");
    if (ready < 0)
      return unavailable(peer_, std::string("sending failed: ") + std::strerror(errno));
  }
  return {};
}

DeviceResult<std::string> TcpStream::receive(const std::function<bool(std::string_view)>& complete,
                                             Duration timeout) {
  const auto deadline = Clock::now() + timeout;
  std::string received;
  char buffer[4096];
  while (!complete(received)) {
    const int ready = wait_for(fd_, POLLIN, deadline);
    if (ready == 0) break;
    if (ready < 0)
      return unavailable(peer_, std::string("receiving failed: ") + std::strerror(errno));
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n == 0) break;
    if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
    if (n < 0) return unavailable(peer_, std::string("receiving failed: ") + std::strerror(errno));
    received.append(buffer, static_cast<std::size_t>(n));
  }
  return received;
}

bool TcpStream::finish(Duration timeout) {
  if (::shutdown(fd_, SHUT_WR) != 0) return false;
  const auto deadline = Clock::now() + timeout;
  char buffer[512];
  while (true) {
    const int ready = wait_for(fd_, POLLIN, deadline);
    if (ready <= 0) return false;
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    if (n == 0) return true;
    if (n < 0 && errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) return false;
  }
}

}  // namespace einlass
