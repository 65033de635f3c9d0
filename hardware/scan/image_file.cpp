#include "scan/image_file.h"

#include <cairo.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "scan/image_limits.h"

namespace einlass {

namespace {

struct FileClose {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};

constexpr std::array<std::uint8_t, 8> kPngSignature = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

std::unexpected<DeviceError> bad_file(const std::filesystem::path& path, std::string_view problem) {
  return device_error(DeviceError::Kind::bad_input,
                      "image file " + path.string() + ": " + std::string(problem));
}

DeviceResult<std::vector<std::uint8_t>> read_bytes(const std::filesystem::path& path) {
  std::unique_ptr<std::FILE, FileClose> file{std::fopen(path.c_str(), "rb")};
  if (!file) return bad_file(path, std::string("cannot open: ") + std::strerror(errno));
  std::vector<std::uint8_t> bytes;
  std::array<std::uint8_t, 1 << 16> chunk;
  for (;;) {
    const auto got = std::fread(chunk.data(), 1, chunk.size(), file.get());
    if (got == 0) break;
    if (bytes.size() + got > kMaxImageFileBytes)
      return bad_file(path, "larger than " + std::to_string(kMaxImageFileBytes >> 20) + " MiB");
    bytes.insert(bytes.end(), chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(got));
  }
  if (std::ferror(file.get()))
    return bad_file(path, std::string("cannot read: ") + std::strerror(errno));
  return bytes;
}

std::uint32_t big_endian_u32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         std::uint32_t{p[3]};
}

struct MemoryReader {
  std::span<const std::uint8_t> rest;
};

cairo_status_t read_from_memory(void* closure, unsigned char* out, unsigned int length) {
  auto* reader = static_cast<MemoryReader*>(closure);
  if (reader->rest.size() < length) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(reader->rest.data(), length, out);
  reader->rest = reader->rest.subspan(length);
  return CAIRO_STATUS_SUCCESS;
}

// Cairo hands PNGs back as premultiplied ARGB32 (or RGB24); transparent parts are composited
// over white, as a viewer would show them, so a code on a transparent background stays dark on
// light.
GrayImage surface_to_gray(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  const int width = cairo_image_surface_get_width(surface);
  const int height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const bool has_alpha = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32;
  const unsigned char* data = cairo_image_surface_get_data(surface);
  GrayImage gray(width, height);
  for (int y = 0; y < height; ++y) {
    std::uint32_t pixel = 0;
    const unsigned char* in = data + static_cast<std::ptrdiff_t>(y) * stride;
    std::uint8_t* out = gray.row(y);
    for (int x = 0; x < width; ++x) {
      std::memcpy(&pixel, in + 4 * x, sizeof pixel);
      const unsigned alpha = has_alpha ? (pixel >> 24) & 0xff : 255;
      const unsigned r = (pixel >> 16) & 0xff;
      const unsigned g = (pixel >> 8) & 0xff;
      const unsigned b = pixel & 0xff;
      // ITU-R BT.601 luma in fixed point, the weights ZXing uses for RGB input.
      const unsigned luma = (306 * r + 601 * g + 117 * b + 512) >> 10;
      out[x] = static_cast<std::uint8_t>(std::min(255u, luma + (255 - alpha)));
    }
  }
  return gray;
}

DeviceResult<GrayImage> load_png(const std::filesystem::path& path,
                                 std::span<const std::uint8_t> bytes) {
  // Signature, IHDR length and type, width, height: cairo allocates from these without asking.
  if (bytes.size() < 33) return bad_file(path, "truncated PNG (no complete header)");
  if (std::memcmp(bytes.data() + 12, "IHDR", 4) != 0)
    return bad_file(path, "damaged PNG (the first chunk is not IHDR)");
  const auto width = big_endian_u32(bytes.data() + 16);
  const auto height = big_endian_u32(bytes.data() + 20);
  if (auto problem = image_size_problem(width, height))
    return bad_file(path, "PNG header " + *problem);
  MemoryReader reader{bytes};
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface{
      cairo_image_surface_create_from_png_stream(read_from_memory, &reader)};
  if (const auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
    if (status == CAIRO_STATUS_READ_ERROR) return bad_file(path, "truncated PNG");
    return bad_file(path, std::string("damaged PNG: ") + cairo_status_to_string(status));
  }
  return surface_to_gray(surface.get());
}

}  // namespace

DeviceResult<GrayImage> load_image_file(const std::filesystem::path& path, JpegDecoder& jpeg) {
  auto bytes = read_bytes(path);
  if (!bytes) return std::unexpected(bytes.error());
  if (bytes->empty()) return bad_file(path, "empty (0 bytes)");
  if (bytes->size() >= kPngSignature.size() &&
      std::equal(kPngSignature.begin(), kPngSignature.end(), bytes->begin()))
    return load_png(path, *bytes);
  if (bytes->size() >= 3 && (*bytes)[0] == 0xff && (*bytes)[1] == 0xd8 && (*bytes)[2] == 0xff) {
    GrayImage image;
    if (auto ok = jpeg.decode(*bytes, image, "image file " + path.string()); !ok)
      return std::unexpected(ok.error());
    return image;
  }
  return bad_file(path, "not a PNG or JPEG image");
}

}  // namespace einlass
