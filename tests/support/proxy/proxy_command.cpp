#include "support/proxy/proxy_command.h"

#include <charconv>
#include <limits>
#include <vector>

namespace einlass::test {
namespace {

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> result;
  while (!(text = trim(text)).empty()) {
    const auto end = text.find_first_of(" \t");
    result.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end);
  }
  return result;
}

template <typename Number>
bool parse_number(std::string_view text, Number& out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc{} && end == text.data() + text.size();
}

}  // namespace

std::expected<HostPort, ProxyError> parse_host_port(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return std::unexpected(ProxyError{"expected HOST:PORT, got '" + std::string(text) + "'"});
  }
  HostPort result{std::string(text.substr(0, colon)), 0};
  if (!parse_number(text.substr(colon + 1), result.port)) {
    return std::unexpected(ProxyError{"bad port in '" + std::string(text) + "'"});
  }
  return result;
}

std::expected<ProxyCommand, ProxyError> parse_proxy_command(std::string_view line) {
  const auto parts = words(line);
  if (parts.empty()) return std::unexpected(ProxyError{"empty command"});
  const std::string_view name = parts.front();
  const auto bare = [&](ProxyCommandKind kind) -> std::expected<ProxyCommand, ProxyError> {
    if (parts.size() != 1) {
      return std::unexpected(ProxyError{"'" + std::string(name) + "' takes no argument"});
    }
    return ProxyCommand{kind, {}};
  };
  if (name == "pass" || name == "heal") return bare(ProxyCommandKind::pass);
  if (name == "cut") return bare(ProxyCommandKind::cut);
  if (name == "reset") return bare(ProxyCommandKind::reset);
  if (name == "blackhole") return bare(ProxyCommandKind::blackhole);
  if (name == "stats") return bare(ProxyCommandKind::stats);
  if (name == "delay") {
    std::int64_t ms = 0;
    if (parts.size() != 2 || !parse_number(parts[1], ms) || ms < 0) {
      return std::unexpected(ProxyError{"usage: delay MS (a whole number, 0 or more)"});
    }
    return ProxyCommand{ProxyCommandKind::delay, std::chrono::milliseconds{ms}};
  }
  return std::unexpected(ProxyError{"unknown command '" + std::string(name) + "'"});
}

std::string format_proxy_stats(const ProxyStats& stats) {
  return "accepted=" + std::to_string(stats.accepted) + " open=" + std::to_string(stats.open) +
         " to_upstream=" + std::to_string(stats.bytes_to_upstream) +
         " to_client=" + std::to_string(stats.bytes_to_client) +
         " dropped=" + std::to_string(stats.bytes_dropped);
}

}  // namespace einlass::test
