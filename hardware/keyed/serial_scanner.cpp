#include "keyed/serial_scanner.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "device/unique_fd.h"
#include "keyed/line_decoder.h"
#include "keyed/stop_signal.h"

namespace einlass {

namespace {

using keyed::StopSignal;
using keyed::Wake;

struct BaudRate {
  int rate;
  speed_t constant;
};

constexpr std::array<BaudRate, 11> kBaudRates = {{{1200, B1200},
                                                  {2400, B2400},
                                                  {4800, B4800},
                                                  {9600, B9600},
                                                  {19200, B19200},
                                                  {38400, B38400},
                                                  {57600, B57600},
                                                  {115200, B115200},
                                                  {230400, B230400},
                                                  {460800, B460800},
                                                  {921600, B921600}}};

std::optional<speed_t> baud_constant(int baud) {
  for (const auto& b : kBaudRates)
    if (b.rate == baud) return b.constant;
  return std::nullopt;
}

class SerialScanner final : public Scanner {
 public:
  SerialScanner(std::string path, int baud, UniqueFd fd, StopSignal stop, const Clock& clock)
      : path_(std::move(path)),
        baud_(baud),
        fd_(std::move(fd)),
        stop_(std::move(stop)),
        clock_(clock) {}

  DeviceResult<ScannedCode> next() override {
    if (stop_.stopped()) return failure(DeviceError::Kind::stopped, "stopped");
    for (;;) {
      // Bytes of one read can hold the end of one code and the start of the next; they wait in
      // chunk_ for the next call, stamped with the time of that read.
      while (used_ < chunk_size_) {
        const bool was_in_code = decoder_.in_code();
        auto code = decoder_.feed(chunk_[used_++]);
        if (!was_in_code && decoder_.in_code()) started_ = chunk_arrived_;
        if (!code) continue;
        if (!*code) return failure(code->error().kind, code->error().message);
        return ScannedCode{std::move(**code), started_};
      }
      const auto wake = stop_.wait_readable(fd_.get());
      if (!wake) return failure(DeviceError::Kind::unavailable, std::strerror(wake.error()));
      if (*wake == Wake::stopped) return failure(DeviceError::Kind::stopped, "stopped");
      const auto n = ::read(fd_.get(), chunk_.data(), chunk_.size());
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
      if (n < 0) return failure(DeviceError::Kind::unavailable, std::strerror(errno));
      if (n == 0) return failure(DeviceError::Kind::unavailable, "the device hung up");
      chunk_size_ = static_cast<std::size_t>(n);
      used_ = 0;
      chunk_arrived_ = clock_.now();
    }
  }

  void stop() override { stop_.stop(); }

  std::string describe() const override {
    return "serial scanner " + path_ + " at " + std::to_string(baud_) + " baud";
  }

 private:
  std::unexpected<DeviceError> failure(DeviceError::Kind kind, const std::string& why) const {
    return device_error(kind, "scanner " + path_ + ": " + why);
  }

  std::string path_;
  int baud_;
  UniqueFd fd_;
  StopSignal stop_;
  const Clock& clock_;
  LineDecoder decoder_;
  std::array<char, 256> chunk_{};
  std::size_t chunk_size_ = 0;
  std::size_t used_ = 0;
  Timestamp chunk_arrived_{};
  Timestamp started_{};
};

DeviceResult<void> set_raw_mode(int fd, speed_t speed) {
  termios tio{};
  if (::tcgetattr(fd, &tio) != 0)
    return device_error(DeviceError::Kind::bad_uri, "not a terminal device");
  ::cfmakeraw(&tio);
  tio.c_cflag |= CLOCAL | CREAD;
  tio.c_cc[VMIN] = 1;
  tio.c_cc[VTIME] = 0;
  if (::cfsetispeed(&tio, speed) != 0 || ::cfsetospeed(&tio, speed) != 0 ||
      ::tcsetattr(fd, TCSANOW, &tio) != 0)
    return device_error(DeviceError::Kind::unavailable,
                        std::string("cannot set raw mode: ") + std::strerror(errno));
  return {};
}

}  // namespace

bool is_standard_baud_rate(int baud) {
  return baud_constant(baud).has_value();
}

DeviceResult<std::unique_ptr<Scanner>> open_serial_scanner(const std::string& path, int baud,
                                                           const Clock& clock) {
  const auto error = [&](DeviceError::Kind kind, const std::string& why) {
    return device_error(kind, "scanner " + path + ": " + why);
  };
  const auto speed = baud_constant(baud);
  if (!speed)
    return error(DeviceError::Kind::bad_uri,
                 "baud rate " + std::to_string(baud) + " is not a standard rate (1200 to 921600)");
  UniqueFd fd{::open(path.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)};
  if (!fd) return error(DeviceError::Kind::unavailable, std::strerror(errno));
  if (!::isatty(fd.get())) return error(DeviceError::Kind::bad_uri, "not a terminal device");
  if (auto ok = set_raw_mode(fd.get(), *speed); !ok)
    return error(ok.error().kind, ok.error().message);
  // Keeps a second kiosk process (or a getty) from opening the same port and stealing bytes.
  ::ioctl(fd.get(), TIOCEXCL);
  // Half a code left over from before the kiosk started would spoil the first real one.
  ::tcflush(fd.get(), TCIFLUSH);
  auto stop = StopSignal::create();
  if (!stop) return error(stop.error().kind, stop.error().message);
  return std::make_unique<SerialScanner>(path, baud, std::move(fd), std::move(*stop), clock);
}

}  // namespace einlass
