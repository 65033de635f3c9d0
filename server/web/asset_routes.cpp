// The page: "/" and "/assets/<name>", from the files compiled in.
#include "web/api_reply.h"
#include "web/route_context.h"
#include "web/web_assets.h"

namespace einlass {

std::optional<EmbeddedAsset> find_web_asset(std::string_view path) {
  if (path == "/" || path == "/index.html")
    return find_embedded_asset(embedded_web_assets(), "index.html");
  if (!path.starts_with("/assets/")) return std::nullopt;
  return find_embedded_asset(embedded_web_assets(), path.substr(8));
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
  // The browser asks again each time, so a new server's page is never an old copy.
  reply.headers.emplace_back("Cache-Control", "no-cache");
  return reply;
}

}  // namespace einlass
