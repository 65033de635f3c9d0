#include "png_decode.h"

#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>
#include <cairo.h>

#include <cstdint>
#include <vector>

namespace einlass::test {

std::optional<std::string> decode_qr_from_png(const std::filesystem::path& png) {
  cairo_surface_t* surface = cairo_image_surface_create_from_png(png.c_str());
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return std::nullopt;
  }
  const int width = cairo_image_surface_get_width(surface);
  const int height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  // cairo's RGB24/ARGB32 is a native-endian uint32 per pixel: B, G, R, X in memory on x86.
  const ZXing::ImageView view{data, width, height, ZXing::ImageFormat::BGRX, stride};
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode);
  const auto result = ZXing::ReadBarcode(view, hints);
  cairo_surface_destroy(surface);
  if (!result.isValid()) return std::nullopt;
  return result.text();
}

}  // namespace einlass::test
