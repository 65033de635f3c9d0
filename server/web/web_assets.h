#pragma once
// The dashboard page's files (server/web/assets/), compiled into einlass-server.
#include <optional>
#include <span>

#include "base/embedded_asset.h"

namespace einlass {

// Defined in the .cpp CMake generates from the assets folder (cmake/embed_assets.cmake).
std::span<const EmbeddedAsset> embedded_web_assets();

// "/" gives index.html, "/assets/<name>" the file of that name; nullopt otherwise.
std::optional<EmbeddedAsset> find_web_asset(std::string_view path);

}  // namespace einlass
