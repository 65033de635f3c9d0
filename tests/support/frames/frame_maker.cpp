#include "support/frames/frame_maker.h"

#include <cairo.h>
#include <turbojpeg.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <numbers>
#include <optional>
#include <random>
#include <stdexcept>

#include "render/qr_code.h"

namespace einlass::test {

namespace {

constexpr int kQuietModules = 4;
// A 60 degree horizontal field of view at 1280 pixels.
constexpr double kFocalPx = 1100.0;

double radians(double degrees) {
  return degrees * std::numbers::pi / 180.0;
}

// A float picture while it is being made; quantised to 8 bits at the end.
struct Canvas {
  int width = kFrameWidth;
  int height = kFrameHeight;
  std::vector<float> pixels =
      std::vector<float>(static_cast<std::size_t>(kFrameWidth) * kFrameHeight);

  float& at(int x, int y) { return pixels[static_cast<std::size_t>(y) * width + x]; }
  float at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * width + x]; }
  float clamped(int x, int y) const {
    return at(std::clamp(x, 0, width - 1), std::clamp(y, 0, height - 1));
  }
  double bilinear(double x, double y) const {
    const int x0 = static_cast<int>(std::floor(x));
    const int y0 = static_cast<int>(std::floor(y));
    const double fx = x - x0;
    const double fy = y - y0;
    return (1 - fy) * ((1 - fx) * clamped(x0, y0) + fx * clamped(x0 + 1, y0)) +
           fy * ((1 - fx) * clamped(x0, y0 + 1) + fx * clamped(x0 + 1, y0 + 1));
  }
};

// Where the code's plane sits in front of the camera. Plane coordinates are in modules with the
// origin at the centre of the code.
struct Pose {
  double cx = kFrameWidth / 2.0;
  double cy = kFrameHeight / 2.0;
  double module_px = 5.5;  // size of a module at the centre of the code
  double roll_deg = 0;     // turned within the picture
  double tilt_deg = 0;     // leaning away from the camera
  double tilt_axis_deg = 0;
};

struct Vec3 {
  double x = 0, y = 0, z = 0;
};
double dot(Vec3 a, Vec3 b) {
  return a.x * b.x + a.y * b.y + a.z * b.z;
}

// A rotation matrix by rows.
struct Rotation {
  Vec3 r0, r1, r2;
  Vec3 apply(Vec3 v) const { return {dot(r0, v), dot(r1, v), dot(r2, v)}; }
  Vec3 apply_transposed(Vec3 v) const {
    return {r0.x * v.x + r1.x * v.y + r2.x * v.z, r0.y * v.x + r1.y * v.y + r2.y * v.z,
            r0.z * v.x + r1.z * v.y + r2.z * v.z};
  }
  Rotation then(const Rotation& next) const {  // next * this
    const Rotation t = transposed();
    const auto row = [&](Vec3 r) { return Vec3{dot(r, t.r0), dot(r, t.r1), dot(r, t.r2)}; };
    return {row(next.r0), row(next.r1), row(next.r2)};
  }
  Rotation transposed() const {
    return {{r0.x, r1.x, r2.x}, {r0.y, r1.y, r2.y}, {r0.z, r1.z, r2.z}};
  }
};

// The roll within the picture, then the tilt about an axis in the code's plane.
Rotation rotation_of(const Pose& pose) {
  const double roll = radians(pose.roll_deg);
  const Rotation rz{
      {std::cos(roll), -std::sin(roll), 0}, {std::sin(roll), std::cos(roll), 0}, {0, 0, 1}};
  // Rodrigues' formula about the unit axis k = (cos a, sin a, 0).
  const double a = radians(pose.tilt_axis_deg);
  const double t = radians(pose.tilt_deg);
  const double kx = std::cos(a), ky = std::sin(a), c = std::cos(t), s = std::sin(t);
  const Rotation tilt{{c + kx * kx * (1 - c), kx * ky * (1 - c), ky * s},
                      {ky * kx * (1 - c), c + ky * ky * (1 - c), -kx * s},
                      {-ky * s, kx * s, c}};
  return rz.then(tilt);
}

// Casts the ray through image point (x, y) onto the code's plane. The plane passes through the
// point at depth kFocalPx on the optical axis, shifted so that the code centre lands on (cx, cy);
// one plane unit is one pixel there, so modules are scaled by module_px.
class Projection {
 public:
  explicit Projection(const Pose& pose) : pose_(pose), rotation_(rotation_of(pose)) {
    normal_ = rotation_.apply({0, 0, 1});
    centre_ = {pose.cx - kFrameWidth / 2.0, pose.cy - kFrameHeight / 2.0, kFocalPx};
  }

  // Plane coordinates in modules, or nullopt when the ray misses the plane.
  std::optional<std::pair<double, double>> to_plane(double x, double y) const {
    const Vec3 ray{x - kFrameWidth / 2.0, y - kFrameHeight / 2.0, kFocalPx};
    const double denominator = dot(normal_, ray);
    if (std::abs(denominator) < 1e-9) return std::nullopt;
    const double t = dot(normal_, centre_) / denominator;
    if (t <= 0) return std::nullopt;
    const Vec3 offset{ray.x * t - centre_.x, ray.y * t - centre_.y, ray.z * t - centre_.z};
    const Vec3 local = rotation_.apply_transposed(offset);
    return std::pair{local.x / pose_.module_px, local.y / pose_.module_px};
  }

 private:
  Pose pose_;
  Rotation rotation_;
  Vec3 normal_;
  Vec3 centre_;
};

enum class CarrierKind { paper, phone };

// What holds the code and the grey levels it shows.
struct Carrier {
  CarrierKind kind = CarrierKind::paper;
  double dark = 35;        // dark modules
  double light = 225;      // light modules, the quiet zone and the card or screen around the code
  double body = 25;        // a phone's frame
  double ink = 70;         // text lines printed on a ticket
  double grid_pitch = 0;   // a screen's pixel pitch in modules; 0: no visible pixel grid
  double band_depth = 0;   // broad bright and dark bands across the screen (moire), 0..1
  double band_period = 9;  // in modules
  double band_angle_deg = 30;
};

class CodeSurface {
 public:
  CodeSurface(const QrCode& code, Carrier carrier) : code_(code), carrier_(carrier) {
    half_ = code.size() / 2.0 + kQuietModules;
  }

  // Luminance at plane point (u, v), or nullopt outside the carrier.
  std::optional<double> at(double u, double v) const {
    const double n = 2 * half_;
    if (carrier_.kind == CarrierKind::paper) {
      if (u < -0.75 * n || u > 0.75 * n || v < -0.7 * n || v > 1.35 * n) return std::nullopt;
      if (v > 0.62 * n) return ticket_text(u / n, v / n);
      return code_or_light(u, v);
    }
    if (u < -0.72 * n || u > 0.72 * n || v < -1.35 * n || v > 1.35 * n) return std::nullopt;
    if (u < -0.66 * n || u > 0.66 * n || v < -1.25 * n || v > 1.25 * n) return carrier_.body;
    return screen(u, v, code_or_light(u, v));
  }

 private:
  double code_or_light(double u, double v) const {
    const int col = static_cast<int>(std::floor(u + code_.size() / 2.0));
    const int row = static_cast<int>(std::floor(v + code_.size() / 2.0));
    if (col < 0 || row < 0 || col >= code_.size() || row >= code_.size()) return carrier_.light;
    return code_.dark(col, row) ? carrier_.dark : carrier_.light;
  }

  // Lines of "text" below the code: dark bars with ragged ends.
  double ticket_text(double u, double v) const {
    const double line = (v - 0.66) / 0.11;
    const int index = static_cast<int>(std::floor(line));
    const double within = line - index;
    if (index < 0 || index > 5 || within > 0.45) return carrier_.light;
    const double end = 0.15 + 0.45 * std::abs(std::sin(index * 12.9898 + 1.7));
    if (u < -0.6 || u > end) return carrier_.light;
    // Gaps between words.
    if (std::sin((u + index) * 47.0) > 0.85) return carrier_.light;
    return carrier_.ink;
  }

  // Each screen pixel leaves a dark gap on two sides; photographed at a pitch near the camera's
  // own, the gaps beat into fine interference. The beating of the colour stripes adds broad
  // bright and dark bands.
  double screen(double u, double v, double value) const {
    if (carrier_.band_depth > 0) {
      const double a = radians(carrier_.band_angle_deg);
      const double phase =
          (u * std::cos(a) + v * std::sin(a)) * 2 * std::numbers::pi / carrier_.band_period;
      value *= 1 + carrier_.band_depth * std::sin(phase);
    }
    if (carrier_.grid_pitch <= 0) return value;
    const double fu = u / carrier_.grid_pitch - std::floor(u / carrier_.grid_pitch);
    const double fv = v / carrier_.grid_pitch - std::floor(v / carrier_.grid_pitch);
    return (fu > 0.7 || fv > 0.7) ? value * 0.45 : value;
  }

  const QrCode& code_;
  Carrier carrier_;
  double half_;
};

// A room behind the attendee: a light gradient, some large shapes with edges and a fine texture,
// so that the decoder has something to look at besides the code.
void paint_background(Canvas& canvas, std::mt19937& random) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const double base = 80 + 50 * unit(random);
  const double slope_x = 50 * (unit(random) - 0.5);
  const double slope_y = 50 * (unit(random) - 0.5);
  const double phase = 6.28 * unit(random);
  for (int y = 0; y < canvas.height; ++y)
    for (int x = 0; x < canvas.width; ++x)
      canvas.at(x, y) =
          static_cast<float>(base + slope_x * x / canvas.width + slope_y * y / canvas.height +
                             6 * std::sin(x * 0.05 + phase) * std::sin(y * 0.043));
  for (int i = 0; i < 7; ++i) {
    const int x0 = static_cast<int>(unit(random) * canvas.width);
    const int y0 = static_cast<int>(unit(random) * canvas.height);
    const int w = 40 + static_cast<int>(unit(random) * 300);
    const int h = 40 + static_cast<int>(unit(random) * 300);
    const auto value = static_cast<float>(30 + 190 * unit(random));
    for (int y = std::max(0, y0); y < std::min(canvas.height, y0 + h); ++y)
      for (int x = std::max(0, x0); x < std::min(canvas.width, x0 + w); ++x)
        canvas.at(x, y) = value;
  }
}

void paint_carrier(Canvas& canvas, const CodeSurface& surface, const Pose& pose) {
  const Projection projection(pose);
  // 2x2 samples per pixel smooth the module edges like a lens would.
  constexpr std::array<double, 2> kOffsets = {0.25, 0.75};
  for (int y = 0; y < canvas.height; ++y) {
    for (int x = 0; x < canvas.width; ++x) {
      double sum = 0;
      int hits = 0;
      for (const double oy : kOffsets) {
        for (const double ox : kOffsets) {
          const auto plane = projection.to_plane(x + ox, y + oy);
          if (!plane) continue;
          const auto value = surface.at(plane->first, plane->second);
          if (!value) continue;
          sum += *value;
          ++hits;
        }
      }
      if (hits == 0) continue;
      const double background = canvas.at(x, y);
      canvas.at(x, y) = static_cast<float>((sum + background * (4 - hits)) / 4);
    }
  }
}

void gaussian_blur(Canvas& canvas, double sigma) {
  const int radius = static_cast<int>(std::ceil(3 * sigma));
  std::vector<float> kernel(static_cast<std::size_t>(2 * radius + 1));
  float total = 0;
  for (int i = -radius; i <= radius; ++i) {
    kernel[static_cast<std::size_t>(i + radius)] =
        static_cast<float>(std::exp(-(i * i) / (2 * sigma * sigma)));
    total += kernel[static_cast<std::size_t>(i + radius)];
  }
  for (auto& k : kernel) k /= total;
  Canvas pass = canvas;
  for (int y = 0; y < canvas.height; ++y)
    for (int x = 0; x < canvas.width; ++x) {
      float sum = 0;
      for (int i = -radius; i <= radius; ++i)
        sum += kernel[static_cast<std::size_t>(i + radius)] * canvas.clamped(x + i, y);
      pass.at(x, y) = sum;
    }
  for (int y = 0; y < canvas.height; ++y)
    for (int x = 0; x < canvas.width; ++x) {
      float sum = 0;
      for (int i = -radius; i <= radius; ++i)
        sum += kernel[static_cast<std::size_t>(i + radius)] * pass.clamped(x, y + i);
      canvas.at(x, y) = sum;
    }
}

// The average along a straight path of `length` pixels, as a hand moving during the exposure.
void motion_blur(Canvas& canvas, double length, double angle_deg) {
  const int taps = static_cast<int>(std::ceil(length * 2)) + 1;
  const double dx = std::cos(radians(angle_deg)) * length / (taps - 1);
  const double dy = std::sin(radians(angle_deg)) * length / (taps - 1);
  const Canvas source = canvas;
  for (int y = 0; y < canvas.height; ++y)
    for (int x = 0; x < canvas.width; ++x) {
      double sum = 0;
      for (int t = 0; t < taps; ++t) {
        const double offset = t - (taps - 1) / 2.0;
        sum += source.bilinear(x + offset * dx, y + offset * dy);
      }
      canvas.at(x, y) = static_cast<float>(sum / taps);
    }
}

// A bright reflection: light added on top, saturating like a sensor does.
void glare(Canvas& canvas, double cx, double cy, double radius, double strength) {
  for (int y = 0; y < canvas.height; ++y)
    for (int x = 0; x < canvas.width; ++x) {
      const double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
      canvas.at(x, y) += static_cast<float>(strength * std::exp(-d2 / (2 * radius * radius)));
    }
}

GrayImage quantise(const Canvas& canvas, std::mt19937& random, double noise_sigma) {
  std::normal_distribution<double> noise(0.0, noise_sigma);
  GrayImage image(canvas.width, canvas.height);
  for (int y = 0; y < canvas.height; ++y)
    for (int x = 0; x < canvas.width; ++x)
      image.at(x, y) = static_cast<std::uint8_t>(
          std::clamp(std::lround(canvas.at(x, y) + noise(random)), 0L, 255L));
  return image;
}

}  // namespace

std::string_view to_string(FrameStyle style) {
  switch (style) {
    case FrameStyle::clean:
      return "clean";
    case FrameStyle::tilted:
      return "tilted";
    case FrameStyle::blurred:
      return "blurred";
    case FrameStyle::motion_blurred:
      return "motion_blurred";
    case FrameStyle::low_contrast_glare:
      return "low_contrast_glare";
    case FrameStyle::small_off_centre:
      return "small_off_centre";
    case FrameStyle::upside_down:
      return "upside_down";
    case FrameStyle::moire_screen:
      return "moire_screen";
    case FrameStyle::inverted:
      return "inverted";
  }
  return "?";
}

GrayImage make_frame(std::string_view text, FrameStyle style, std::uint32_t seed) {
  const auto code = QrCode::encode(text, QrErrorCorrection::medium);
  if (!code) throw std::invalid_argument("make_frame: " + code.error());
  std::mt19937 random(seed * 7919u + static_cast<std::uint32_t>(style));
  std::uniform_real_distribution<double> jitter(-1.0, 1.0);
  Canvas canvas;
  paint_background(canvas, random);

  Pose pose;
  pose.cx += 60 * jitter(random);
  pose.cy += 30 * jitter(random);
  pose.roll_deg = 8 * jitter(random);
  pose.tilt_deg = 8 + 4 * jitter(random);
  pose.tilt_axis_deg = 180 * jitter(random);
  Carrier carrier;
  double blur_sigma = 0.7;  // every lens softens a little
  double noise_sigma = 2.5;

  switch (style) {
    case FrameStyle::clean:
      break;
    case FrameStyle::tilted:
      pose.roll_deg = 45 + 3 * jitter(random);
      pose.tilt_deg = 45;
      pose.module_px = 6.5;
      break;
    case FrameStyle::blurred:
      pose.module_px = 6.5;
      blur_sigma = 2.2;
      break;
    case FrameStyle::motion_blurred:
      pose.module_px = 6.5;
      break;
    case FrameStyle::low_contrast_glare:
      // 60 grey levels: ZXing's binariser alone gives up below about 70.
      carrier.dark = 110;
      carrier.light = 170;
      carrier.ink = 135;
      break;
    case FrameStyle::small_off_centre:
      pose.module_px = 3.0;
      pose.cx = kFrameWidth - 200 + 40 * jitter(random);
      pose.cy = 180 + 40 * jitter(random);
      break;
    case FrameStyle::upside_down:
      pose.roll_deg += 180;
      break;
    case FrameStyle::moire_screen:
      carrier.kind = CarrierKind::phone;
      carrier.dark = 30;
      carrier.light = 235;
      carrier.body = 20;
      // A screen pixel projected to about 0.9 camera pixels: the worst case for beating.
      carrier.grid_pitch = 0.9 / 5.5;
      carrier.band_depth = 0.25;
      carrier.band_angle_deg = 30 + 20 * jitter(random);
      break;
    case FrameStyle::inverted:
      carrier.kind = CarrierKind::phone;
      carrier.dark = 225;  // the "dark" modules are drawn light in dark mode
      carrier.light = 28;
      carrier.body = 15;
      break;
  }

  paint_carrier(canvas, CodeSurface(*code, carrier), pose);
  if (style == FrameStyle::low_contrast_glare)
    glare(canvas, pose.cx + 0.25 * code->size() * pose.module_px,
          pose.cy - 0.2 * code->size() * pose.module_px, 110, 75);
  gaussian_blur(canvas, blur_sigma);
  if (style == FrameStyle::motion_blurred) motion_blur(canvas, 9, 25 + 10 * jitter(random));
  return quantise(canvas, random, noise_sigma);
}

GrayImage make_empty_frame(std::uint32_t seed) {
  std::mt19937 random(seed * 104729u + 17u);
  Canvas canvas;
  paint_background(canvas, random);
  gaussian_blur(canvas, 0.7);
  return quantise(canvas, random, 2.5);
}

std::string ticket_like_text(std::uint32_t seed) {
  static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$%*+-./:";
  std::mt19937 random(seed);
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  std::string text = "EINLASS:";
  while (text.size() < 250) text += kAlphabet[pick(random)];
  return text;
}

void write_png(GrayView image, const std::filesystem::path& path) {
  struct SurfaceDestroy {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
  };
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface{
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, image.width, image.height)};
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("write_png: cannot make a surface for " + path.string());
  unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x) {
      const std::uint32_t g = image.at(x, y);
      const std::uint32_t pixel = 0xff000000u | (g << 16) | (g << 8) | g;
      std::memcpy(data + static_cast<std::ptrdiff_t>(y) * stride + 4 * x, &pixel, sizeof pixel);
    }
  cairo_surface_mark_dirty(surface.get());
  if (cairo_surface_write_to_png(surface.get(), path.c_str()) != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error("write_png: cannot write " + path.string());
}

std::vector<std::uint8_t> encode_jpeg(GrayView image, int quality) {
  struct TjDestroy {
    void operator()(void* handle) const { tjDestroy(handle); }
  };
  std::unique_ptr<void, TjDestroy> tj{tjInitCompress()};
  if (!tj) throw std::runtime_error("encode_jpeg: no compressor");
  unsigned char* jpeg = nullptr;
  unsigned long size = 0;
  if (tjCompress2(tj.get(), image.pixels, image.width, image.stride, image.height, TJPF_GRAY, &jpeg,
                  &size, TJSAMP_GRAY, quality, 0) != 0) {
    tjFree(jpeg);
    throw std::runtime_error(std::string("encode_jpeg: ") + tjGetErrorStr2(tj.get()));
  }
  std::vector<std::uint8_t> bytes(jpeg, jpeg + size);
  tjFree(jpeg);
  return bytes;
}

void write_jpeg(GrayView image, const std::filesystem::path& path, int quality) {
  const auto bytes = encode_jpeg(image, quality);
  struct FileClose {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, FileClose> file{std::fopen(path.c_str(), "wb")};
  if (!file || std::fwrite(bytes.data(), 1, bytes.size(), file.get()) != bytes.size())
    throw std::runtime_error("write_jpeg: cannot write " + path.string());
}

}  // namespace einlass::test
