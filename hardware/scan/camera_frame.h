#pragma once
// One captured camera buffer to gray, whichever format was negotiated. Kept apart from the V4L2
// plumbing so that it is tested without a camera.
#include <chrono>
#include <cstdint>
#include <span>

#include "base/time.h"
#include "device/device_error.h"
#include "scan/camera_format.h"
#include "scan/gray_image.h"
#include "scan/jpeg_decoder.h"

namespace einlass {

struct CameraFrameLayout {
  CameraPixelFormat format = CameraPixelFormat::mjpeg;
  int width = 0;
  int height = 0;
  int bytes_per_line = 0;  // YUYV line pitch; unused for MJPEG
};

// When a frame was taken, on `clock`'s time line: V4L2 stamps buffers on the monotonic clock,
// so the frame's age (monotonic now minus its stamp, clamped to 0..1 s against odd drivers) is
// taken off the clock's now. Latency is then measured from the shutter, not from the dequeue.
Timestamp frame_arrival(Timestamp clock_now, std::chrono::microseconds monotonic_now,
                        std::chrono::microseconds monotonic_stamp);

// Converts `bytes` (only the bytes the driver filled) into `into`, reusing its memory. A frame
// that does not convert is bad_input. MJPEG frames are taken at the size their header says;
// libjpeg's warnings (a frame cut short by a USB hiccup) are tolerated, since the rest of the
// picture may still hold a readable code.
DeviceResult<void> camera_frame_to_gray(const CameraFrameLayout& layout,
                                        std::span<const std::uint8_t> bytes, JpegDecoder& jpeg,
                                        GrayImage& into);

}  // namespace einlass
