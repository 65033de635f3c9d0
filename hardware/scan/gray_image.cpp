#include "scan/gray_image.h"

#include <algorithm>

namespace einlass {

namespace {

std::size_t pixel_count(int width, int height) {
  return static_cast<std::size_t>(std::max(width, 0)) *
         static_cast<std::size_t>(std::max(height, 0));
}

}  // namespace

GrayImage::GrayImage(int width, int height, std::uint8_t fill)
    : width_(std::max(width, 0)),
      height_(std::max(height, 0)),
      pixels_(pixel_count(width, height), fill) {}

void GrayImage::reshape(int width, int height) {
  width_ = std::max(width, 0);
  height_ = std::max(height, 0);
  pixels_.resize(pixel_count(width_, height_));
}

GrayImage GrayImage::copy_of(GrayView view) {
  GrayImage image(view.width, view.height);
  for (int y = 0; y < image.height(); ++y) std::copy_n(view.row(y), image.width(), image.row(y));
  return image;
}

}  // namespace einlass
