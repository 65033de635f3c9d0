#pragma once
// The largest picture a frame may be. A file or a camera that claims more is refused before any
// pixel memory is allocated, so a hostile or broken header cannot exhaust the kiosk's memory.
#include <optional>
#include <string>

namespace einlass {

inline constexpr int kMaxImageSide = 8192;
inline constexpr long long kMaxImagePixels = 40'000'000;

// Nullopt when `width` x `height` is acceptable; otherwise what is wrong, e.g.
// "claims 100000x100000 pixels (at most 8192 per side and 40 megapixels)".
std::optional<std::string> image_size_problem(long long width, long long height);

}  // namespace einlass
