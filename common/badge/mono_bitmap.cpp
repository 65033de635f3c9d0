#include "badge/mono_bitmap.h"

namespace einlass {

MonoBitmap::MonoBitmap(int width, int height)
    : width_(width),
      height_(height),
      bytes_(static_cast<std::size_t>(bytes_per_row()) * static_cast<std::size_t>(height), 0) {}

bool MonoBitmap::ink(int x, int y) const {
  const auto byte = row(y)[x / 8];
  return (byte >> (7 - x % 8) & 1) != 0;
}

void MonoBitmap::set_ink(int x, int y, bool ink) {
  auto& byte =
      bytes_[static_cast<std::size_t>(y) * bytes_per_row() + static_cast<std::size_t>(x / 8)];
  const auto bit = static_cast<std::uint8_t>(0x80u >> (x % 8));
  byte = ink ? static_cast<std::uint8_t>(byte | bit) : static_cast<std::uint8_t>(byte & ~bit);
}

}  // namespace einlass
