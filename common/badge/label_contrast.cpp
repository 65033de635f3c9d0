#include "badge/label_contrast.h"

#include <cmath>

namespace einlass {

namespace {

double linear(double srgb) {
  return srgb <= 0.04045 ? srgb / 12.92 : std::pow((srgb + 0.055) / 1.055, 2.4);
}

}  // namespace

double relative_luminance(Rgb c) {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

bool black_text_reads_better(Rgb background) {
  const double l = relative_luminance(background);
  const double with_black = (l + 0.05) / 0.05;
  const double with_white = 1.05 / (l + 0.05);
  return with_black >= with_white;
}

}  // namespace einlass
