#pragma once
#include <expected>
#include <string>
#include <string_view>

namespace einlass {

struct Rgb {
  double r = 0, g = 0, b = 0;
};

// "#1F6FB2" -> components in 0..1.
std::expected<Rgb, std::string> parse_colour(std::string_view hex);

}  // namespace einlass
