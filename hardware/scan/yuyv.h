#pragma once
// YUYV 4:2:2 (Y0 U Y1 V per two pixels) to gray: the Y bytes are the gray picture, so the
// conversion is one strided copy and no arithmetic. The copy is the only one a frame needs: it
// lets the driver's buffer go back to the camera before decoding starts, and ZXing would make
// the same dense copy itself if handed the interleaved buffer (its binariser needs packed rows).
#include <cstdint>
#include <span>

#include "device/device_error.h"
#include "scan/gray_image.h"

namespace einlass {

// `bytes_per_line` is the driver's line pitch (>= 2 * width). Writes into `into`, reusing its
// memory. bad_input when `yuyv` is shorter than the frame it claims to be or the width is odd.
DeviceResult<void> yuyv_to_gray(std::span<const std::uint8_t> yuyv, int width, int height,
                                int bytes_per_line, GrayImage& into);

}  // namespace einlass
