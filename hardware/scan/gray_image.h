#pragma once
// An 8-bit grayscale picture: what every frame source delivers and what the QR decoder reads.
// Cameras and image files are converted to this once; nothing downstream sees colour.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace einlass {

// A non-owning look at gray pixels; `stride` bytes from one row to the next (>= width).
struct GrayView {
  const std::uint8_t* pixels = nullptr;
  int width = 0;
  int height = 0;
  int stride = 0;

  bool empty() const { return width <= 0 || height <= 0; }
  const std::uint8_t* row(int y) const { return pixels + static_cast<std::ptrdiff_t>(y) * stride; }
  std::uint8_t at(int x, int y) const { return row(y)[x]; }
};

// Owns its pixels, rows packed (stride == width).
class GrayImage {
 public:
  GrayImage() = default;
  // All pixels `fill`.
  GrayImage(int width, int height, std::uint8_t fill = 0);

  int width() const { return width_; }
  int height() const { return height_; }
  int stride() const { return width_; }
  bool empty() const { return pixels_.empty(); }

  std::uint8_t* row(int y) { return pixels_.data() + static_cast<std::ptrdiff_t>(y) * width_; }
  const std::uint8_t* row(int y) const {
    return pixels_.data() + static_cast<std::ptrdiff_t>(y) * width_;
  }
  std::uint8_t at(int x, int y) const { return row(y)[x]; }
  std::uint8_t& at(int x, int y) { return row(y)[x]; }
  std::span<std::uint8_t> pixels() { return pixels_; }
  std::span<const std::uint8_t> pixels() const { return pixels_; }

  GrayView view() const { return {pixels_.data(), width_, height_, width_}; }

  // Changes the size keeping the allocation where it is large enough, so a camera converting
  // frame after frame into the same image allocates once. The pixels are unspecified afterwards.
  void reshape(int width, int height);

  // A packed copy of `view`.
  static GrayImage copy_of(GrayView view);

 private:
  int width_ = 0;
  int height_ = 0;
  std::vector<std::uint8_t> pixels_;
};

}  // namespace einlass
