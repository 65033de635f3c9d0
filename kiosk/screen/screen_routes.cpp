#include "screen/screen_routes.h"

#include "base/text.h"
#include "screen/screen_assets.h"

namespace einlass {

namespace {

constexpr std::string_view kText = "text/plain; charset=utf-8";

std::string_view reason_phrase(unsigned status) {
  switch (status) {
    case 400:
      return "bad request";
    case 403:
      return "forbidden";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 413:
      return "request too large";
    case 421:
      return "misdirected request";
    case 426:
      return "upgrade required";
    case 431:
      return "request header fields too large";
    default:
      return "error";
  }
}

// "127.0.0.1:8080" -> name and port; "[::1]" keeps its brackets; no port means 80.
bool split_host(std::string_view host, std::string_view& name, std::uint16_t& port) {
  port = 80;
  std::size_t colon = std::string_view::npos;
  if (host.starts_with('[')) {
    const auto close = host.find(']');
    if (close == std::string_view::npos) return false;
    if (close + 1 < host.size()) {
      if (host[close + 1] != ':') return false;
      colon = close + 1;
    }
  } else {
    colon = host.find(':');
  }
  name = host.substr(0, colon);
  if (colon == std::string_view::npos) return !name.empty();
  const std::string_view digits = host.substr(colon + 1);
  if (digits.empty() || digits.size() > 5) return false;
  unsigned value = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (value == 0 || value > 65535) return false;
  port = static_cast<std::uint16_t>(value);
  return !name.empty();
}

}  // namespace

HostPolicy::HostPolicy(std::string_view bound_address, std::uint16_t port)
    : names_{"127.0.0.1", "localhost", "[::1]"}, port_(port) {
  if (bound_address == "0.0.0.0" || bound_address == "::" || bound_address == "[::]") {
    any_ = true;
  }
  if (bound_address.find(':') != std::string_view::npos && !bound_address.starts_with('[')) {
    names_.push_back("[" + std::string{bound_address} + "]");
  } else {
    names_.emplace_back(bound_address);
  }
}

bool HostPolicy::allows_host(std::string_view host_header) const {
  std::string_view name;
  std::uint16_t port = 0;
  if (!split_host(host_header, name, port)) return false;
  if (any_) return true;
  if (port != port_) return false;
  for (const std::string& allowed : names_) {
    if (equals_ignoring_ascii_case(name, allowed)) return true;
  }
  return false;
}

bool HostPolicy::allows_origin(std::string_view origin_header) const {
  constexpr std::string_view kScheme = "http://";
  if (!starts_with_ignoring_ascii_case(origin_header, kScheme)) return false;
  return allows_host(origin_header.substr(kScheme.size()));
}

ScreenReply error_reply(unsigned status) {
  ScreenReply reply;
  reply.status = status;
  reply.content_type = kText;
  reply.body = std::to_string(status) + " " + std::string{reason_phrase(status)} + "\n";
  return reply;
}

ScreenReply route_screen_request(const ScreenRequest& request, const HostPolicy& hosts,
                                 const std::string& current_view_json) {
  if (request.host.empty()) return error_reply(400);
  if (!hosts.allows_host(request.host)) return error_reply(421);
  if (request.method != "GET") {
    ScreenReply reply = error_reply(405);
    reply.allow_header = true;
    return reply;
  }
  std::string_view path = request.target;
  if (!path.starts_with('/')) return error_reply(400);
  if (const auto query = path.find('?'); query != std::string_view::npos) {
    path = path.substr(0, query);
  }

  if (path == "/ws") {
    if (!request.websocket_upgrade) return error_reply(426);
    if (!request.origin.empty() && !hosts.allows_origin(request.origin)) {
      return error_reply(403);
    }
    ScreenReply reply;
    reply.websocket = true;
    return reply;
  }
  if (request.websocket_upgrade) return error_reply(404);
  if (path == "/api/view") {
    return ScreenReply{200, "application/json", current_view_json, false, false};
  }
  if (const auto asset = find_screen_asset(path)) {
    return ScreenReply{200, asset->content_type, std::string{asset->bytes}, false, false};
  }
  return error_reply(404);
}

}  // namespace einlass
