#pragma once
// JPEG to gray with libturbojpeg, straight into the luma plane (TJPF_GRAY): the chroma is never
// converted to RGB and back. One decoder is kept per source and reused frame after frame.
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "device/device_error.h"
#include "scan/gray_image.h"

namespace einlass {

enum class JpegDamage {
  // A file: any complaint of libjpeg (a truncated file, corrupt data) makes it bad_input.
  refuse,
  // A camera's MJPEG frame: libjpeg's warnings ("extraneous bytes before marker", a short frame
  // after a USB hiccup) still leave a full picture whose readable part is worth decoding.
  tolerate_warnings,
};

class JpegDecoder {
 public:
  // Errors: unavailable when libturbojpeg cannot make a decompressor.
  static DeviceResult<JpegDecoder> create();

  JpegDecoder(JpegDecoder&&) noexcept;
  JpegDecoder& operator=(JpegDecoder&&) noexcept;
  ~JpegDecoder();

  // Decodes `jpeg` into `into`, reusing its memory. Sizes beyond image_limits.h are refused from
  // the header, before allocating. Errors are bad_input and start with `what` ("frame
  // /srv/frames/a.jpg: ...").
  DeviceResult<void> decode(std::span<const std::uint8_t> jpeg, GrayImage& into,
                            std::string_view what, JpegDamage damage = JpegDamage::refuse);

 private:
  struct Handle;
  explicit JpegDecoder(std::unique_ptr<Handle> handle);
  std::unique_ptr<Handle> handle_;
};

}  // namespace einlass
