#pragma once
// v4l2:/dev/video0?width=1280&height=720&format=mjpeg — a USB or CSI camera through V4L2 mmap
// streaming. Latency beats throughput: when a frame is asked for, every buffer the driver has
// filled meanwhile is dequeued and only the newest is converted, so the decoder always works on
// what the camera sees now, never on a backlog.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "base/time.h"
#include "scan/camera_format.h"
#include "scan/frame_source.h"

namespace einlass {

struct CameraSettings {
  std::string device = "/dev/video0";
  int width = 1280;  // asked for; the driver may pick the nearest size it has
  int height = 720;
  std::optional<CameraPixelFormat> format;  // nullopt: MJPEG when offered, else YUYV
  int buffers = 4;
  // No frame for this long means the camera hung or was unplugged: next() says unavailable.
  std::chrono::milliseconds stall_timeout{3000};
};

class V4l2Camera final : public FrameSource {
 public:
  // Opens, negotiates the format and starts streaming. Errors are unavailable and name the
  // device: missing, not a capture device, busy, no usable format, no buffers.
  static DeviceResult<std::unique_ptr<V4l2Camera>> open(const CameraSettings& settings,
                                                        const Clock& clock);
  ~V4l2Camera() override;
  V4l2Camera(const V4l2Camera&) = delete;
  V4l2Camera& operator=(const V4l2Camera&) = delete;

  DeviceResult<Frame> next() override;
  void stop() override;
  FrameSequence sequence() const override { return FrameSequence::live; }
  std::string describe() const override;

 private:
  struct State;
  explicit V4l2Camera(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace einlass
