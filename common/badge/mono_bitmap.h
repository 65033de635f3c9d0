#pragma once
// A 1-bit image as label printers take it: rows of bytes, the leftmost dot in the most
// significant bit, 1 for ink (black) and 0 for paper.
#include <cstdint>
#include <vector>

namespace einlass {

class MonoBitmap {
 public:
  MonoBitmap() = default;
  MonoBitmap(int width, int height);  // all paper

  int width() const { return width_; }
  int height() const { return height_; }
  int bytes_per_row() const { return (width_ + 7) / 8; }
  const std::vector<std::uint8_t>& bytes() const { return bytes_; }
  const std::uint8_t* row(int y) const {
    return bytes_.data() + static_cast<std::size_t>(y) * bytes_per_row();
  }
  std::uint8_t* row(int y) { return bytes_.data() + static_cast<std::size_t>(y) * bytes_per_row(); }

  bool ink(int x, int y) const;
  void set_ink(int x, int y, bool ink);

 private:
  int width_ = 0;
  int height_ = 0;
  std::vector<std::uint8_t> bytes_;
};

}  // namespace einlass
