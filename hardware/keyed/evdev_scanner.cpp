#include "keyed/evdev_scanner.h"

#include <fcntl.h>
#include <libevdev/libevdev.h>

#include <cerrno>
#include <cstring>

#include "device/unique_fd.h"
#include "keyed/keystroke_decoder.h"
#include "keyed/stop_signal.h"

namespace einlass {

namespace {

using keyed::StopSignal;
using keyed::Wake;

struct EvdevFree {
  void operator()(libevdev* d) const { libevdev_free(d); }
};
using EvdevPtr = std::unique_ptr<libevdev, EvdevFree>;

class EvdevScanner final : public Scanner {
 public:
  EvdevScanner(std::string path, UniqueFd fd, EvdevPtr device, StopSignal stop, const Clock& clock)
      : path_(std::move(path)),
        fd_(std::move(fd)),
        device_(std::move(device)),
        stop_(std::move(stop)),
        clock_(clock) {}

  DeviceResult<ScannedCode> next() override {
    if (stop_.stopped()) return stopped();
    for (;;) {
      input_event ev{};
      const int rc = libevdev_next_event(device_.get(), LIBEVDEV_READ_FLAG_NORMAL, &ev);
      if (rc == -EAGAIN) {
        const auto wake = stop_.wait_readable(fd_.get());
        if (!wake) return failure(DeviceError::Kind::unavailable, std::strerror(wake.error()));
        if (*wake == Wake::stopped) return stopped();
        continue;
      }
      if (rc == -ENODEV) return failure(DeviceError::Kind::unavailable, "the device is gone");
      if (rc < 0) return failure(DeviceError::Kind::unavailable, std::strerror(-rc));
      if (rc == LIBEVDEV_READ_STATUS_SYNC) {
        if (auto ok = resync(); !ok) return std::unexpected(ok.error());
        continue;
      }
      if (ev.type != EV_KEY) continue;
      const bool was_in_code = decoder_.in_code();
      auto code = decoder_.feed(ev.code, ev.value);
      if (!was_in_code && decoder_.in_code()) started_ = clock_.now();
      if (!code) continue;
      if (!*code) return failure(code->error().kind, code->error().message);
      return ScannedCode{std::move(**code), started_};
    }
  }

  void stop() override { stop_.stop(); }

  std::string describe() const override {
    const char* name = libevdev_get_name(device_.get());
    return "handheld scanner " + path_ + " (" + (name != nullptr ? name : "unnamed") + ")";
  }

 private:
  // After SYN_DROPPED, libevdev hands out the difference between the state it knew and the
  // device's present state; only Shift matters, the code in progress is lost anyway.
  DeviceResult<void> resync() {
    decoder_.lost_events();
    input_event ev{};
    int rc = 0;
    while ((rc = libevdev_next_event(device_.get(), LIBEVDEV_READ_FLAG_SYNC, &ev)) ==
           LIBEVDEV_READ_STATUS_SYNC)
      if (ev.type == EV_KEY) decoder_.resync(ev.code, ev.value != 0);
    if (rc == -EAGAIN) return {};
    if (rc == -ENODEV) return failure(DeviceError::Kind::unavailable, "the device is gone");
    return failure(DeviceError::Kind::unavailable, std::strerror(-rc));
  }

  std::unexpected<DeviceError> failure(DeviceError::Kind kind, const std::string& why) const {
    return device_error(kind, "scanner " + path_ + ": " + why);
  }
  std::unexpected<DeviceError> stopped() const {
    return failure(DeviceError::Kind::stopped, "stopped");
  }

  std::string path_;
  UniqueFd fd_;
  EvdevPtr device_;  // freed before fd_ closes, as libevdev_free requires
  StopSignal stop_;
  const Clock& clock_;
  KeystrokeDecoder decoder_;
  Timestamp started_{};
};

}  // namespace

DeviceResult<std::unique_ptr<Scanner>> open_evdev_scanner(const std::string& path,
                                                          const Clock& clock) {
  const auto error = [&](DeviceError::Kind kind, const std::string& why) {
    return device_error(kind, "scanner " + path + ": " + why);
  };
  UniqueFd fd{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
  if (!fd) return error(DeviceError::Kind::unavailable, std::strerror(errno));
  libevdev* raw = nullptr;
  if (const int rc = libevdev_new_from_fd(fd.get(), &raw); rc < 0) {
    if (rc == -ENOTTY || rc == -EINVAL)
      return error(DeviceError::Kind::bad_uri, "not an input device");
    return error(DeviceError::Kind::unavailable, std::strerror(-rc));
  }
  EvdevPtr device{raw};
  if (!libevdev_has_event_code(device.get(), EV_KEY, KEY_ENTER) &&
      !libevdev_has_event_code(device.get(), EV_KEY, KEY_KPENTER))
    return error(DeviceError::Kind::bad_uri, "the device has no Enter key; is it the scanner?");
  if (const int rc = libevdev_grab(device.get(), LIBEVDEV_GRAB); rc < 0)
    return error(DeviceError::Kind::unavailable,
                 std::string("cannot grab it exclusively (another program holds it?): ") +
                     std::strerror(-rc));
  auto stop = StopSignal::create();
  if (!stop) return error(stop.error().kind, stop.error().message);
  return std::make_unique<EvdevScanner>(path, std::move(fd), std::move(device), std::move(*stop),
                                        clock);
}

}  // namespace einlass
