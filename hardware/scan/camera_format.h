#pragma once
// Which pixel format to ask a V4L2 camera for. MJPEG is preferred: at 1280x720 and 30 frames a
// second raw YUYV needs about 55 MB/s, more than USB 2 cameras deliver, so they drop to a few
// frames a second; MJPEG frames are a tenth of that and decode straight to gray.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "device/device_error.h"

namespace einlass {

enum class CameraPixelFormat { mjpeg, yuyv };

constexpr std::uint32_t fourcc(char a, char b, char c, char d) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(a)) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b)) << 8) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(c)) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(d)) << 24);
}

// The V4L2 codes (V4L2_PIX_FMT_MJPEG, V4L2_PIX_FMT_YUYV, V4L2_PIX_FMT_JPEG).
inline constexpr std::uint32_t kFourccMjpeg = fourcc('M', 'J', 'P', 'G');
inline constexpr std::uint32_t kFourccJpeg = fourcc('J', 'P', 'E', 'G');
inline constexpr std::uint32_t kFourccYuyv = fourcc('Y', 'U', 'Y', 'V');

std::string_view to_string(CameraPixelFormat format);  // "MJPEG", "YUYV"
std::string fourcc_text(std::uint32_t code);           // "MJPG"

// "mjpeg" or "yuyv" (any case); nullopt otherwise.
std::optional<CameraPixelFormat> parse_camera_format(std::string_view text);

// The format to use, given the one the URI asks for (nullopt: no preference) and the fourccs
// the camera lists. Some cameras list JPEG for what is MJPEG; both count as MJPEG. Errors are
// unavailable and name the device, the format and what it offers instead.
DeviceResult<CameraPixelFormat> choose_camera_format(std::optional<CameraPixelFormat> wanted,
                                                     std::span<const std::uint32_t> offered,
                                                     std::string_view device);

}  // namespace einlass
