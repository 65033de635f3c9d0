#include "scan/image_limits.h"

namespace einlass {

std::optional<std::string> image_size_problem(long long width, long long height) {
  const auto claims = "claims " + std::to_string(width) + "x" + std::to_string(height) + " pixels";
  if (width <= 0 || height <= 0) return claims;
  if (width > kMaxImageSide || height > kMaxImageSide || width * height > kMaxImagePixels)
    return claims + " (at most " + std::to_string(kMaxImageSide) + " per side and " +
           std::to_string(kMaxImagePixels / 1'000'000) + " megapixels)";
  return std::nullopt;
}

}  // namespace einlass
