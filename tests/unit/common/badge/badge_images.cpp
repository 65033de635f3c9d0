#include "badge_images.h"

#define ZX_USE_UTF8
#include <ZXing/ReadBarcode.h>
#include <cairo.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace einlass::test {

namespace {

struct PngReader {
  const std::string* bytes;
  std::size_t offset = 0;
};

cairo_status_t read_png(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<PngReader*>(closure);
  if (reader->offset + length > reader->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, reader->bytes->data() + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

bool Image::ink(int x, int y) const {
  const auto p = at(x, y);
  const int r = static_cast<int>((p >> 16) & 0xFF), g = static_cast<int>((p >> 8) & 0xFF),
            b = static_cast<int>(p & 0xFF);
  return (299 * r + 587 * g + 114 * b) / 1000 < 128;
}

Image decode_png(const std::string& png) {
  PngReader reader{&png};
  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface{
      cairo_image_surface_create_from_png_stream(read_png, &reader), cairo_surface_destroy};
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("not a PNG");
  Image image;
  image.width = cairo_image_surface_get_width(surface.get());
  image.height = cairo_image_surface_get_height(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  image.pixels.reserve(static_cast<std::size_t>(image.width) *
                       static_cast<std::size_t>(image.height));
  for (int y = 0; y < image.height; ++y) {
    const auto* row =
        reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < image.width; ++x) image.pixels.push_back(row[x] & 0xFFFFFF);
  }
  return image;
}

Image image_of(const MonoBitmap& bitmap) {
  Image image;
  image.width = bitmap.width();
  image.height = bitmap.height();
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x)
      image.pixels.push_back(bitmap.ink(x, y) ? 0x000000 : 0xFFFFFF);
  return image;
}

InkBounds ink_bounds(const Image& image, int x0, int y0, int x1, int y1) {
  InkBounds b;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      if (!image.ink(x, y)) continue;
      if (!b.any) b = {true, x, y, x, y};
      b.left = std::min(b.left, x);
      b.right = std::max(b.right, x);
      b.top = std::min(b.top, y);
      b.bottom = std::max(b.bottom, y);
    }
  return b;
}

std::vector<std::pair<int, int>> inked_row_runs(const Image& image, int x0, int y0, int x1,
                                                int y1) {
  std::vector<std::pair<int, int>> runs;
  bool in_run = false;
  for (int y = y0; y < y1; ++y) {
    bool any = false;
    for (int x = x0; x < x1 && !any; ++x) any = image.ink(x, y);
    if (any && !in_run) runs.emplace_back(y, y);
    if (any) runs.back().second = y;
    in_run = any;
  }
  return runs;
}

std::optional<std::string> decode_qr(const Image& image) {
  const ZXing::ImageView view{reinterpret_cast<const std::uint8_t*>(image.pixels.data()),
                              image.width, image.height, ZXing::ImageFormat::BGRX};
  ZXing::DecodeHints hints;
  hints.setFormats(ZXing::BarcodeFormat::QRCode);
  const auto result = ZXing::ReadBarcode(view, hints);
  if (!result.isValid()) return std::nullopt;
  return result.text();
}

std::string command_output(const std::string& command) {
  std::unique_ptr<FILE, decltype(&pclose)> pipe{popen(command.c_str(), "r"), pclose};
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buffer[4096];
  while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe.get())) out.append(buffer, n);
  if (pclose(pipe.release()) != 0) throw std::runtime_error(command + " failed");
  return out;
}

}  // namespace einlass::test
