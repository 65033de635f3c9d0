#include "fake_zebra.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

namespace einlass::test {

FakeZebra::FakeZebra(std::optional<std::string> host_status)
    : host_status_(std::move(host_status)) {
  listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listener_ < 0) throw std::runtime_error("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listener_, 8) != 0)
    throw std::runtime_error("bind/listen failed");
  socklen_t length = sizeof address;
  ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { serve(); });
}

FakeZebra::~FakeZebra() {
  stopping_ = true;
  thread_.join();
  ::close(listener_);
}

void FakeZebra::serve() {
  while (!stopping_) {
    pollfd p{listener_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    std::string bytes;
    bool answered = false;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!stopping_ && std::chrono::steady_clock::now() < give_up) {
      pollfd c{client, POLLIN, 0};
      if (::poll(&c, 1, 50) <= 0) continue;
      char buffer[65536];
      const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      bytes.append(buffer, static_cast<std::size_t>(n));
      if (!answered && host_status_ && bytes.find("~HS") != std::string::npos) {
        answered = true;
        ::send(client, host_status_->data(), host_status_->size(), MSG_NOSIGNAL);
      }
    }
    ::close(client);
    std::lock_guard lock(mutex_);
    connections_.push_back(std::move(bytes));
  }
}

std::vector<std::string> FakeZebra::received(std::size_t count) const {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (true) {
    {
      std::lock_guard lock(mutex_);
      if (connections_.size() >= count || std::chrono::steady_clock::now() > until)
        return connections_;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

std::string FakeZebra::host_status(bool paper_out, bool paused, bool head_up, int formats_waiting) {
  char formats[4];
  std::snprintf(formats, sizeof formats, "%03d", formats_waiting);
  return std::string("\x02") + "030," + (paper_out ? "1" : "0") + "," + (paused ? "1" : "0") +
         ",1245," + formats + ",0,0,0,000,0,0,0\x03\r\n" + "\x02" + "001,0," +
         (head_up ? "1" : "0") + ",0,0,2,4,0,00000000,1,000\x03\r\n" +
         "\x02"
         "1234,0\x03\r\n";
}

}  // namespace einlass::test
