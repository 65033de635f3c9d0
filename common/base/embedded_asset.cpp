#include "base/embedded_asset.h"

#include <array>
#include <utility>

namespace einlass {

std::string_view content_type_for(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".json", "application/json"},
  }};
  for (const auto& [extension, type] : kTypes) {
    if (name.ends_with(extension)) return type;
  }
  return "application/octet-stream";
}

std::optional<EmbeddedAsset> find_embedded_asset(std::span<const EmbeddedAsset> assets,
                                                 std::string_view name) {
  for (const EmbeddedAsset& asset : assets) {
    if (asset.name == name) return asset;
  }
  return std::nullopt;
}

}  // namespace einlass
