#include "scan/v4l2_camera.h"

#include <fcntl.h>
#include <linux/videodev2.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <span>
#include <utility>
#include <vector>

#include "device/unique_fd.h"
#include "scan/camera_frame.h"
#include "scan/jpeg_decoder.h"

namespace einlass {

namespace {

// One driver buffer mapped into our memory.
class Mapping {
 public:
  Mapping(void* address, std::size_t length) : address_(address), length_(length) {}
  Mapping(Mapping&& other) noexcept
      : address_(std::exchange(other.address_, MAP_FAILED)), length_(other.length_) {}
  Mapping& operator=(Mapping&&) = delete;
  ~Mapping() {
    if (address_ != MAP_FAILED) ::munmap(address_, length_);
  }
  std::span<const std::uint8_t> bytes(std::size_t used) const {
    return {static_cast<const std::uint8_t*>(address_), std::min(used, length_)};
  }

 private:
  void* address_;
  std::size_t length_;
};

int xioctl(int fd, unsigned long request, void* argument) {
  int result = 0;
  do result = ::ioctl(fd, request, argument);
  while (result == -1 && errno == EINTR);
  return result;
}

std::chrono::microseconds monotonic_now() {
  timespec now{};
  ::clock_gettime(CLOCK_MONOTONIC, &now);
  return std::chrono::seconds{now.tv_sec} + std::chrono::duration_cast<std::chrono::microseconds>(
                                                std::chrono::nanoseconds{now.tv_nsec});
}

}  // namespace

struct V4l2Camera::State {
  CameraSettings settings;
  const Clock* clock = nullptr;
  UniqueFd fd;
  UniqueFd wake;  // an eventfd that stop() writes to, so a blocked poll() returns at once
  std::vector<Mapping> buffers;
  bool streaming = false;
  CameraFrameLayout layout;
  std::optional<JpegDecoder> jpeg;
  GrayImage gray;
  std::atomic<bool> stopped{false};

  std::unexpected<DeviceError> failure(std::string_view what, int error = errno) const {
    return device_error(
        DeviceError::Kind::unavailable,
        "camera " + settings.device + ": " + std::string(what) + ": " + std::strerror(error));
  }
  std::unexpected<DeviceError> problem(std::string_view what) const {
    return device_error(DeviceError::Kind::unavailable,
                        "camera " + settings.device + ": " + std::string(what));
  }

  DeviceResult<void> negotiate();
  DeviceResult<void> map_buffers();
  DeviceResult<void> queue(std::uint32_t index) {
    v4l2_buffer buffer{};
    buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buffer.memory = V4L2_MEMORY_MMAP;
    buffer.index = index;
    if (xioctl(fd.get(), VIDIOC_QBUF, &buffer) != 0) return failure("cannot queue a buffer");
    return {};
  }
  // The newest filled buffer, or nullopt when none is ready; older ones go back to the driver.
  DeviceResult<std::optional<v4l2_buffer>> dequeue_newest();

  ~State() {
    if (streaming) {
      int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
      xioctl(fd.get(), VIDIOC_STREAMOFF, &type);
    }
  }
};

DeviceResult<void> V4l2Camera::State::negotiate() {
  v4l2_capability capability{};
  if (xioctl(fd.get(), VIDIOC_QUERYCAP, &capability) != 0) return failure("not a V4L2 device");
  const auto caps = (capability.capabilities & V4L2_CAP_DEVICE_CAPS) != 0 ? capability.device_caps
                                                                          : capability.capabilities;
  if ((caps & V4L2_CAP_VIDEO_CAPTURE) == 0) return problem("not a video capture device");
  if ((caps & V4L2_CAP_STREAMING) == 0) return problem("does not support streaming I/O");

  std::vector<std::uint32_t> offered;
  for (std::uint32_t index = 0;; ++index) {
    v4l2_fmtdesc description{};
    description.index = index;
    description.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (xioctl(fd.get(), VIDIOC_ENUM_FMT, &description) != 0) break;
    offered.push_back(description.pixelformat);
  }
  auto format = choose_camera_format(settings.format, offered, settings.device);
  if (!format) return std::unexpected(format.error());

  v4l2_format wanted{};
  wanted.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  wanted.fmt.pix.width = static_cast<std::uint32_t>(settings.width);
  wanted.fmt.pix.height = static_cast<std::uint32_t>(settings.height);
  // Some cameras list their MJPEG stream as JPEG only.
  const bool only_jpeg = std::find(offered.begin(), offered.end(), kFourccMjpeg) == offered.end();
  wanted.fmt.pix.pixelformat = *format == CameraPixelFormat::yuyv ? kFourccYuyv
                               : only_jpeg                        ? kFourccJpeg
                                                                  : kFourccMjpeg;
  wanted.fmt.pix.field = V4L2_FIELD_ANY;
  if (xioctl(fd.get(), VIDIOC_S_FMT, &wanted) != 0) {
    if (errno == EBUSY) return failure("busy (another program is using it)");
    return failure("cannot set the format");
  }
  if (wanted.fmt.pix.pixelformat != kFourccYuyv && wanted.fmt.pix.pixelformat != kFourccMjpeg &&
      wanted.fmt.pix.pixelformat != kFourccJpeg)
    return problem("switched to the unusable format " + fourcc_text(wanted.fmt.pix.pixelformat));
  layout.format = wanted.fmt.pix.pixelformat == kFourccYuyv ? CameraPixelFormat::yuyv
                                                            : CameraPixelFormat::mjpeg;
  layout.width = static_cast<int>(wanted.fmt.pix.width);
  layout.height = static_cast<int>(wanted.fmt.pix.height);
  layout.bytes_per_line = static_cast<int>(wanted.fmt.pix.bytesperline);
  if (layout.format == CameraPixelFormat::yuyv && layout.bytes_per_line < 2 * layout.width)
    layout.bytes_per_line = 2 * layout.width;
  return {};
}

DeviceResult<void> V4l2Camera::State::map_buffers() {
  v4l2_requestbuffers request{};
  request.count = static_cast<std::uint32_t>(settings.buffers);
  request.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  request.memory = V4L2_MEMORY_MMAP;
  if (xioctl(fd.get(), VIDIOC_REQBUFS, &request) != 0) {
    if (errno == EBUSY) return failure("busy (another program is using it)");
    return failure("cannot get capture buffers");
  }
  // One buffer is ours while we convert it; with fewer than two the camera would stall.
  if (request.count < 2) return problem("gave only " + std::to_string(request.count) + " buffers");
  buffers.reserve(request.count);
  for (std::uint32_t index = 0; index < request.count; ++index) {
    v4l2_buffer buffer{};
    buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buffer.memory = V4L2_MEMORY_MMAP;
    buffer.index = index;
    if (xioctl(fd.get(), VIDIOC_QUERYBUF, &buffer) != 0) return failure("cannot query a buffer");
    void* address = ::mmap(nullptr, buffer.length, PROT_READ | PROT_WRITE, MAP_SHARED, fd.get(),
                           buffer.m.offset);
    if (address == MAP_FAILED) return failure("cannot map a buffer");
    buffers.emplace_back(address, buffer.length);
  }
  for (std::uint32_t index = 0; index < request.count; ++index)
    if (auto ok = queue(index); !ok) return ok;
  int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
  if (xioctl(fd.get(), VIDIOC_STREAMON, &type) != 0) return failure("cannot start streaming");
  streaming = true;
  return {};
}

DeviceResult<std::optional<v4l2_buffer>> V4l2Camera::State::dequeue_newest() {
  std::optional<v4l2_buffer> newest;
  for (;;) {
    v4l2_buffer buffer{};
    buffer.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    buffer.memory = V4L2_MEMORY_MMAP;
    if (xioctl(fd.get(), VIDIOC_DQBUF, &buffer) != 0) {
      if (errno == EAGAIN) return newest;
      const int error = errno;
      if (newest) (void)queue(newest->index);
      return failure("cannot take a frame", error);
    }
    if (newest)
      if (auto ok = queue(newest->index); !ok) return std::unexpected(ok.error());
    newest = buffer;
  }
}

DeviceResult<std::unique_ptr<V4l2Camera>> V4l2Camera::open(const CameraSettings& settings,
                                                           const Clock& clock) {
  auto state = std::make_unique<State>();
  state->settings = settings;
  state->clock = &clock;
  state->fd = UniqueFd(::open(settings.device.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC));
  if (!state->fd) return state->failure("cannot open");
  state->wake = UniqueFd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
  if (!state->wake) return state->failure("cannot make an eventfd");
  auto jpeg = JpegDecoder::create();
  if (!jpeg) return std::unexpected(jpeg.error());
  state->jpeg.emplace(std::move(*jpeg));
  if (auto ok = state->negotiate(); !ok) return std::unexpected(ok.error());
  if (auto ok = state->map_buffers(); !ok) return std::unexpected(ok.error());
  return std::unique_ptr<V4l2Camera>(new V4l2Camera(std::move(state)));
}

V4l2Camera::V4l2Camera(std::unique_ptr<State> state) : state_(std::move(state)) {}
V4l2Camera::~V4l2Camera() = default;

DeviceResult<Frame> V4l2Camera::next() {
  auto& s = *state_;
  const auto stopped = [&] {
    return device_error(DeviceError::Kind::stopped, "camera " + s.settings.device);
  };
  for (;;) {
    if (s.stopped) return stopped();
    auto newest = s.dequeue_newest();
    if (!newest) return std::unexpected(newest.error());
    if (*newest) {
      const v4l2_buffer buffer = **newest;
      const auto stamp = std::chrono::seconds{buffer.timestamp.tv_sec} +
                         std::chrono::microseconds{buffer.timestamp.tv_usec};
      const bool monotonic =
          (buffer.flags & V4L2_BUF_FLAG_TIMESTAMP_MASK) == V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC;
      const auto now = s.clock->now();
      const auto arrived = monotonic ? frame_arrival(now, monotonic_now(), stamp) : now;
      DeviceResult<void> converted =
          (buffer.flags & V4L2_BUF_FLAG_ERROR) != 0
              ? device_error(DeviceError::Kind::bad_input,
                             "camera " + s.settings.device + ": the driver marked a frame broken")
              : camera_frame_to_gray(s.layout, s.buffers[buffer.index].bytes(buffer.bytesused),
                                     *s.jpeg, s.gray);
      // The buffer goes back before decoding starts, so the camera keeps filling all of them.
      if (auto ok = s.queue(buffer.index); !ok) return std::unexpected(ok.error());
      if (!converted) {
        auto error = converted.error();
        if (!error.message.starts_with("camera "))
          error.message = "camera " + s.settings.device + ": " + error.message;
        return std::unexpected(std::move(error));
      }
      return Frame{s.gray.view(), arrived};
    }
    std::array<pollfd, 2> waits{pollfd{s.fd.get(), POLLIN, 0}, pollfd{s.wake.get(), POLLIN, 0}};
    const int ready =
        ::poll(waits.data(), waits.size(), static_cast<int>(s.settings.stall_timeout.count()));
    if (ready < 0 && errno != EINTR) return s.failure("cannot wait for a frame");
    if (ready == 0)
      return s.problem("no frame for " + std::to_string(s.settings.stall_timeout.count()) + " ms");
    if ((waits[0].revents & (POLLERR | POLLHUP)) != 0 && (waits[0].revents & POLLIN) == 0)
      return s.problem("stopped delivering frames (unplugged?)");
  }
}

void V4l2Camera::stop() {
  state_->stopped = true;
  const std::uint64_t one = 1;
  // Nothing to do when the write fails: the eventfd's counter is then already non-zero.
  [[maybe_unused]] const auto written = ::write(state_->wake.get(), &one, sizeof one);
}

std::string V4l2Camera::describe() const {
  const auto& s = *state_;
  return "camera " + s.settings.device + " " + std::to_string(s.layout.width) + "x" +
         std::to_string(s.layout.height) + " " + std::string(to_string(s.layout.format));
}

}  // namespace einlass
