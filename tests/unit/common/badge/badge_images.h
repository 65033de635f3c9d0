#pragma once
// Looking at rendered badges the way a person or a scanner would: pixels, ink, decoded QR
// codes, and the text poppler's tools read from a PDF.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "badge/mono_bitmap.h"

namespace einlass::test {

struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint32_t> pixels;  // 0x00RRGGBB, row by row

  std::uint32_t at(int x, int y) const {
    return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                  static_cast<std::size_t>(x)];
  }
  bool ink(int x, int y) const;  // darker than mid grey
};

Image decode_png(const std::string& png);  // throws when it is not a PNG
Image image_of(const MonoBitmap& bitmap);

struct InkBounds {
  bool any = false;
  int left = 0, top = 0, right = 0, bottom = 0;  // inclusive
};
InkBounds ink_bounds(const Image& image, int x0, int y0, int x1, int y1);

// Runs of consecutive rows in [y0, y1) that hold ink between x0 and x1: one per text line.
std::vector<std::pair<int, int>> inked_row_runs(const Image& image, int x0, int y0, int x1, int y1);

std::optional<std::string> decode_qr(const Image& image);

// Runs a shell command and returns its standard output; throws when it fails.
std::string command_output(const std::string& command);

}  // namespace einlass::test
