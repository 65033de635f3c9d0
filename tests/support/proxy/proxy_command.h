#pragma once
// The text side of einlass-fault-proxy: its address arguments, the commands it reads on stdin one
// per line, and its stats line. Pure functions, so they are tested without sockets.
#include <chrono>
#include <cstdint>
#include <expected>
#include <string>
#include <string_view>

#include "support/proxy/fault_proxy.h"

namespace einlass::test {

struct HostPort {
  std::string host;
  std::uint16_t port = 0;
};

// "HOST:PORT"; the last colon splits, so "[::1]:80" style is not supported (loopback IPv4 only).
std::expected<HostPort, ProxyError> parse_host_port(std::string_view text);

enum class ProxyCommandKind { pass, cut, reset, blackhole, delay, stats };

struct ProxyCommand {
  ProxyCommandKind kind = ProxyCommandKind::pass;
  std::chrono::milliseconds latency{0};  // for delay
};

// One line: "pass", "heal" (= pass), "cut", "reset", "blackhole", "delay MS", "stats".
// Surrounding spaces and a trailing '\r' are ignored.
std::expected<ProxyCommand, ProxyError> parse_proxy_command(std::string_view line);

// "accepted=N open=N to_upstream=N to_client=N dropped=N"
std::string format_proxy_stats(const ProxyStats& stats);

}  // namespace einlass::test
