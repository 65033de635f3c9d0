// The page: "/" and "/assets/<name>", from the files compiled in.
#include "web/api_reply.h"
#include "web/route_context.h"
#include "web/web_assets.h"

namespace einlass {

std::optional<EmbeddedAsset> find_web_asset(std::string_view path) {
  std::string_view name;
  if (path == "/" || path == "/index.html") {
    name = "index.html";
  } else if (path.starts_with("/assets/")) {
    name = path.substr(8);
  } else {
    return std::nullopt;
  }
  for (const EmbeddedAsset& asset : embedded_web_assets())
    if (asset.name == name) return asset;
  return std::nullopt;
}

WebResponse get_asset(RouteContext& c) {
  const auto asset = find_web_asset(c.target.path);
  if (!asset) {
    WebResponse reply;
    reply.status = 404;
    reply.content_type = "text/plain; charset=utf-8";
    reply.body = "Not found\n";
    return reply;
  }
  WebResponse reply;
  reply.content_type = std::string(content_type_for(asset->name));
  reply.body = std::string(asset->bytes);
  return reply;
}

}  // namespace einlass
