#include "screen/screen_routes.h"

#include <catch2/catch.hpp>

#include "screen/screen_assets.h"

using namespace einlass;

namespace {

const HostPolicy kLocal{"127.0.0.1", 8123};
const std::string kView = R"({"kind":"idle"})";

ScreenReply get(std::string_view target, std::string_view host = "127.0.0.1:8123") {
  return route_screen_request({"GET", target, host, "", false}, kLocal, kView);
}

}  // namespace

TEST_CASE("the page and its files are embedded and served by name", "[screen][routes]") {
  const ScreenReply page = get("/");
  CHECK(page.status == 200);
  CHECK(page.content_type == "text/html; charset=utf-8");
  CHECK_THAT(page.body, Catch::StartsWith("<!doctype html>"));
  CHECK_THAT(page.body, Catch::Contains("id=\"screen\""));
  CHECK(get("/index.html").body == page.body);

  const ScreenReply script = get("/app.js?v=3");
  CHECK(script.status == 200);
  CHECK(script.content_type == "text/javascript; charset=utf-8");
  CHECK_THAT(script.body, Catch::Contains("new WebSocket"));

  const ScreenReply style = get("/style.css");
  CHECK(style.content_type == "text/css; charset=utf-8");
  CHECK_THAT(style.body, Catch::Contains("orientation: landscape"));
}

TEST_CASE("the embedded page loads nothing from outside", "[screen][routes]") {
  for (const EmbeddedAsset& asset : embedded_screen_assets()) {
    INFO(asset.name);
    CHECK(asset.bytes.find("http://") == std::string_view::npos);
    CHECK(asset.bytes.find("https://") == std::string_view::npos);
    CHECK(asset.bytes.find("//cdn") == std::string_view::npos);
  }
  CHECK(embedded_screen_assets().size() == 3);
}

TEST_CASE("the current view is served as JSON", "[screen][routes]") {
  const ScreenReply reply = get("/api/view");
  CHECK(reply.status == 200);
  CHECK(reply.content_type == "application/json");
  CHECK(reply.body == kView);
}

TEST_CASE("unknown paths are 404, other methods 405", "[screen][routes]") {
  CHECK(get("/nothing").status == 404);
  CHECK(get("/../etc/passwd").status == 404);
  CHECK(get("/assets/app.js").status == 404);
  CHECK(get("*").status == 400);
  CHECK(get("http://127.0.0.1:8123/").status == 400);
  for (const char* method : {"POST", "PUT", "DELETE", "HEAD", "OPTIONS", "BREW"}) {
    const ScreenReply reply =
        route_screen_request({method, "/", "127.0.0.1:8123", "", false}, kLocal, kView);
    CHECK(reply.status == 405);
    CHECK(reply.allow_header);
  }
}

TEST_CASE("the WebSocket lives at /ws and needs an upgrade", "[screen][routes]") {
  CHECK(route_screen_request({"GET", "/ws", "127.0.0.1:8123", "", true}, kLocal, kView).websocket);
  CHECK(get("/ws").status == 426);
  const ScreenReply elsewhere =
      route_screen_request({"GET", "/", "127.0.0.1:8123", "", true}, kLocal, kView);
  CHECK_FALSE(elsewhere.websocket);
  CHECK(elsewhere.status == 404);
}

TEST_CASE("requests for another host name are refused (DNS rebinding)", "[screen][routes]") {
  CHECK(get("/api/view", "").status == 400);
  CHECK(get("/api/view", "evil.example:8123").status == 421);
  CHECK(get("/api/view", "127.0.0.1:8124").status == 421);
  CHECK(get("/api/view", "127.0.0.1").status == 421);  // port 80 implied
  CHECK(get("/api/view", "127.0.0.1:").status == 421);
  CHECK(get("/api/view", "127.0.0.1:99999").status == 421);
  CHECK(get("/api/view", "localhost:8123").status == 200);
  CHECK(get("/api/view", "LOCALHOST:8123").status == 200);
  CHECK(get("/api/view", "[::1]:8123").status == 200);
}

TEST_CASE("a WebSocket from a foreign page is refused", "[screen][routes]") {
  const auto upgrade = [](std::string_view origin) {
    return route_screen_request({"GET", "/ws", "127.0.0.1:8123", origin, true}, kLocal, kView);
  };
  CHECK(upgrade("http://127.0.0.1:8123").websocket);
  CHECK(upgrade("http://localhost:8123").websocket);
  CHECK(upgrade("http://evil.example").status == 403);
  CHECK(upgrade("http://127.0.0.1:9999").status == 403);
  CHECK(upgrade("null").status == 403);
  CHECK(upgrade("https://127.0.0.1:8123").status == 403);
}

TEST_CASE("a server on a wildcard address answers any host name", "[screen][routes]") {
  const HostPolicy any{"0.0.0.0", 8123};
  CHECK(any.allows_host("kiosk-3.venue.lan:8123"));
  CHECK_FALSE(any.allows_host(""));
  const HostPolicy lan{"10.0.0.7", 8123};
  CHECK(lan.allows_host("10.0.0.7:8123"));
  CHECK_FALSE(lan.allows_host("10.0.0.8:8123"));
  const HostPolicy v6{"::1", 8123};
  CHECK(v6.allows_host("[::1]:8123"));
}

TEST_CASE("error replies are short plain text", "[screen][routes]") {
  const ScreenReply reply = error_reply(431);
  CHECK(reply.status == 431);
  CHECK(reply.content_type == "text/plain; charset=utf-8");
  CHECK(reply.body == "431 request header fields too large\n");
}
