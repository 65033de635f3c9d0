#pragma once
// Where camera frames come from: a V4L2 camera or a folder of image files.
#include <string>

#include "base/time.h"
#include "device/device_error.h"
#include "scan/gray_image.h"

namespace einlass {

struct Frame {
  // Valid until the next call of next() on the source that returned it; sources convert into
  // memory they reuse, so a frame costs no allocation.
  GrayView image;
  // When the frame was taken (a camera) or picked up (a file); latency is measured from here.
  Timestamp arrived{};
};

// Whether successive frames show the same scene. A camera's do, so work can be spread over a few
// of them; a folder's files are unrelated stills, each of which must be read on its own.
enum class FrameSequence { live, stills };

class FrameSource {
 public:
  virtual ~FrameSource() = default;
  // Blocks until a frame is there. Errors: bad_input (one unusable frame, named in the message;
  // call again), unavailable (the device failed), stopped (stop() was called).
  virtual DeviceResult<Frame> next() = 0;
  // From any thread: a blocked or later next() returns `stopped` soon (within ~100 ms).
  virtual void stop() = 0;
  virtual FrameSequence sequence() const = 0;
  // "camera /dev/video0 1280x720 MJPEG", "dir /srv/frames".
  virtual std::string describe() const = 0;
};

}  // namespace einlass
