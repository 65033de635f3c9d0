#include "screen/screen_assets.h"

namespace einlass {

std::optional<ScreenAsset> find_screen_asset(std::string_view path) {
  if (path == "/") path = "/index.html";
  if (!path.starts_with('/')) return std::nullopt;
  const auto asset = find_embedded_asset(embedded_screen_assets(), path.substr(1));
  if (!asset) return std::nullopt;
  return ScreenAsset{content_type_for(asset->name), asset->bytes};
}

}  // namespace einlass
