#pragma once
// "host:port" as the configs and the command line write it: "0.0.0.0:7443", "einlass.local:7443",
// "[::]:7443" (an IPv6 address in brackets). One parser for the server's, einlass-admin's and the
// kiosk's addresses, so all of them accept and refuse the same text.
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

namespace einlass {

struct HostPort {
  std::string host;  // without brackets
  std::uint16_t port = 0;
  bool operator==(const HostPort&) const = default;
};

// The message says what is wrong; callers prefix the key or option. Port 0 is allowed (a
// listener picks a free port) only when `allow_port_zero`.
std::expected<HostPort, std::string> parse_host_port(std::string_view text, bool allow_port_zero);

// Back to text, with brackets around an IPv6 address.
std::string format_host_port(const HostPort& address);

}  // namespace einlass
