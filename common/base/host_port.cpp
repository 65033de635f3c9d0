#include "base/host_port.h"

#include <charconv>

namespace einlass {

std::expected<HostPort, std::string> parse_host_port(std::string_view text, bool allow_port_zero) {
  const auto shape = [&] {
    return std::unexpected(
        "must be \"host:port\", e.g. \"10.0.0.5:7443\" or \"[::1]:7443\", not \"" +
        std::string(text) + "\"");
  };
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return shape();
  std::string_view host = text.substr(0, colon);
  if (host.starts_with('[')) {
    if (!host.ends_with(']') || host.size() < 3) return shape();
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    return shape();  // an IPv6 address without brackets: where does the port begin?
  }
  if (host.find_first_of(" \t\"[]") != std::string_view::npos) return shape();
  const auto port_text = text.substr(colon + 1);
  unsigned port = 0;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || ec != std::errc{} || end != port_text.data() + port_text.size() ||
      port > 65535 || (port == 0 && !allow_port_zero))
    return std::unexpected(std::string("the port must be a number in ") +
                           (allow_port_zero ? "0..65535 (0 picks a free one)" : "1..65535"));
  return HostPort{std::string(host), static_cast<std::uint16_t>(port)};
}

std::string format_host_port(const HostPort& address) {
  const bool ipv6 = address.host.find(':') != std::string::npos;
  return (ipv6 ? "[" + address.host + "]" : address.host) + ":" + std::to_string(address.port);
}

}  // namespace einlass
