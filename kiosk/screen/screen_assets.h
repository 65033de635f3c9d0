#pragma once
// The page's files (kiosk/screen/assets/), compiled into the binary so the kiosk serves its screen
// with nothing installed beside it and nothing fetched from outside.
#include <optional>
#include <span>
#include <string_view>

#include "base/embedded_asset.h"

namespace einlass {

// Defined in the .cpp that CMake generates from the assets folder (embed_assets.cmake).
std::span<const EmbeddedAsset> embedded_screen_assets();

struct ScreenAsset {
  std::string_view content_type;
  std::string_view bytes;
};

// "/" and "/index.html" give the page, "/app.js" the script, and so on; nullopt otherwise.
std::optional<ScreenAsset> find_screen_asset(std::string_view path);

}  // namespace einlass
