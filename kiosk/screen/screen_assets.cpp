#include "screen/screen_assets.h"

namespace einlass {

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
