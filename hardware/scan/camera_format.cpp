#include "scan/camera_format.h"

#include <algorithm>
#include <cctype>

namespace einlass {

namespace {

bool offers(std::span<const std::uint32_t> offered, CameraPixelFormat format) {
  const auto has = [&](std::uint32_t code) {
    return std::find(offered.begin(), offered.end(), code) != offered.end();
  };
  return format == CameraPixelFormat::mjpeg ? has(kFourccMjpeg) || has(kFourccJpeg)
                                            : has(kFourccYuyv);
}

}  // namespace

std::string_view to_string(CameraPixelFormat format) {
  return format == CameraPixelFormat::mjpeg ? "MJPEG" : "YUYV";
}

std::string fourcc_text(std::uint32_t code) {
  std::string text;
  for (int shift = 0; shift < 32; shift += 8) {
    const auto c = static_cast<char>((code >> shift) & 0xff);
    text += std::isprint(static_cast<unsigned char>(c)) ? c : '?';
  }
  return text;
}

std::optional<CameraPixelFormat> parse_camera_format(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "mjpeg") return CameraPixelFormat::mjpeg;
  if (lower == "yuyv") return CameraPixelFormat::yuyv;
  return std::nullopt;
}

DeviceResult<CameraPixelFormat> choose_camera_format(std::optional<CameraPixelFormat> wanted,
                                                     std::span<const std::uint32_t> offered,
                                                     std::string_view device) {
  if (wanted) {
    if (offers(offered, *wanted)) return *wanted;
  } else {
    for (const auto format : {CameraPixelFormat::mjpeg, CameraPixelFormat::yuyv})
      if (offers(offered, format)) return format;
  }
  std::string listed;
  for (const auto code : offered) listed += (listed.empty() ? "" : ", ") + fourcc_text(code);
  if (listed.empty()) listed = "nothing";
  const std::string what = wanted ? std::string(to_string(*wanted)) : "MJPEG or YUYV";
  return device_error(
      DeviceError::Kind::unavailable,
      "camera " + std::string(device) + " does not offer " + what + " (it offers " + listed + ")");
}

}  // namespace einlass
