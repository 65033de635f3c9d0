#include "screen/screen_assets.h"

#include <array>
#include <utility>

namespace einlass {

std::string_view content_type_for(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
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

std::optional<ScreenAsset> find_screen_asset(std::string_view path) {
  if (path == "/") path = "/index.html";
  if (!path.starts_with('/')) return std::nullopt;
  path.remove_prefix(1);
  for (const EmbeddedAsset& asset : embedded_screen_assets()) {
    if (asset.name == path) return ScreenAsset{content_type_for(asset.name), asset.bytes};
  }
  return std::nullopt;
}

}  // namespace einlass
