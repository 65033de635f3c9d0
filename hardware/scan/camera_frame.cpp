#include "scan/camera_frame.h"

#include <algorithm>

#include "scan/yuyv.h"

namespace einlass {

DeviceResult<void> camera_frame_to_gray(const CameraFrameLayout& layout,
                                        std::span<const std::uint8_t> bytes, JpegDecoder& jpeg,
                                        GrayImage& into) {
  if (layout.format == CameraPixelFormat::yuyv)
    return yuyv_to_gray(bytes, layout.width, layout.height, layout.bytes_per_line, into);
  // The JPEG header, not the negotiated size, says how large the picture is; the decoder reads
  // whatever arrives.
  return jpeg.decode(bytes, into, "MJPEG frame", JpegDamage::tolerate_warnings);
}

Timestamp frame_arrival(Timestamp clock_now, std::chrono::microseconds monotonic_now,
                        std::chrono::microseconds monotonic_stamp) {
  const auto age = std::clamp(monotonic_now - monotonic_stamp, std::chrono::microseconds{0},
                              std::chrono::microseconds{std::chrono::seconds{1}});
  return clock_now - std::chrono::duration_cast<std::chrono::milliseconds>(age);
}

}  // namespace einlass
