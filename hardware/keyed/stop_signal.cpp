#include "keyed/stop_signal.h"

#include <poll.h>
#include <sys/eventfd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace einlass::keyed {

DeviceResult<StopSignal> StopSignal::create() {
  UniqueFd event{::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)};
  if (!event)
    return device_error(DeviceError::Kind::unavailable,
                        std::string("cannot create an eventfd: ") + std::strerror(errno));
  return StopSignal(std::move(event));
}

void StopSignal::stop() {
  const std::uint64_t one = 1;
  // Fails only when the counter would overflow, and then it is signalled already.
  [[maybe_unused]] const auto written = ::write(event_.get(), &one, sizeof one);
}

bool StopSignal::stopped() const {
  pollfd fd = {event_.get(), POLLIN, 0};
  return ::poll(&fd, 1, 0) > 0;
}

std::expected<Wake, int> StopSignal::wait_readable(int fd) const {
  for (;;) {
    pollfd fds[2] = {{event_.get(), POLLIN, 0}, {fd, POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return std::unexpected(errno);
    }
    // Stop wins over pending input: the kiosk is shutting down.
    if (fds[0].revents != 0) return Wake::stopped;
    if (fds[1].revents != 0) return Wake::readable;
  }
}

}  // namespace einlass::keyed
