#include "render/colour.h"

#include <charconv>

namespace einlass {

std::expected<Rgb, std::string> parse_colour(std::string_view hex) {
  const std::string bad = "colour '" + std::string{hex} + "' is not of the form #RRGGBB";
  if (hex.size() != 7 || hex[0] != '#') return std::unexpected(bad);
  double parts[3];
  for (int i = 0; i < 3; ++i) {
    unsigned value = 0;
    const char* first = hex.data() + 1 + 2 * i;
    const auto [end, ec] = std::from_chars(first, first + 2, value, 16);
    if (ec != std::errc{} || end != first + 2) return std::unexpected(bad);
    parts[i] = value / 255.0;
  }
  return Rgb{parts[0], parts[1], parts[2]};
}

}  // namespace einlass
