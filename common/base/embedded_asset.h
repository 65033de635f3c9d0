#pragma once
// Files compiled into a binary (cmake/embed_assets.cmake), so a daemon serves its web page with
// nothing installed beside it and nothing fetched from outside.
#include <optional>
#include <span>
#include <string_view>

namespace einlass {

struct EmbeddedAsset {
  std::string_view name;  // "index.html"
  std::string_view bytes;
};

// "text/html; charset=utf-8" for "index.html"; by extension, "application/octet-stream" when
// unknown.
std::string_view content_type_for(std::string_view name);

// The asset called `name` ("index.html"), if `assets` has one.
std::optional<EmbeddedAsset> find_embedded_asset(std::span<const EmbeddedAsset> assets,
                                                 std::string_view name);

}  // namespace einlass
