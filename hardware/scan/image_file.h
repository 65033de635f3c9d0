#pragma once
// Reads a PNG or JPEG file (recognised by its first bytes, not its name) into a gray image.
// Used by the dir: frame source, where every file is one camera frame.
#include <filesystem>

#include "device/device_error.h"
#include "scan/gray_image.h"
#include "scan/jpeg_decoder.h"

namespace einlass {

// Larger files are refused unread; a 1280x720 camera frame is well under 2 MiB even as PNG.
inline constexpr std::uintmax_t kMaxImageFileBytes = 64u << 20;

// Errors are bad_input and name the file and the problem: empty, truncated, not a PNG or JPEG,
// or a header claiming more pixels than image_limits.h allows (refused before allocating).
// `jpeg` is reused for JPEG files.
DeviceResult<GrayImage> load_image_file(const std::filesystem::path& path, JpegDecoder& jpeg);

}  // namespace einlass
