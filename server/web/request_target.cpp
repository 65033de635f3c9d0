#include "web/request_target.h"

namespace einlass {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
      continue;
    }
    if (c != '%') {
      out.push_back(c);
      continue;
    }
    const int high = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
    const int low = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
    i += 2;
  }
  return out;
}

std::optional<std::string_view> RequestTarget::param(std::string_view key) const {
  const auto found = query.find(key);
  if (found == query.end()) return std::nullopt;
  return found->second;
}

std::expected<RequestTarget, std::string> parse_request_target(std::string_view target) {
  if (!target.starts_with('/')) return std::unexpected("the request target must start with /");
  RequestTarget out;
  const auto question = target.find('?');
  const std::string_view raw_path = target.substr(0, question);
  auto path = percent_decode(raw_path, false);
  if (!path) return std::unexpected("a bad %-escape in the path");
  out.path = std::move(*path);
  // Segments split before decoding, so an escaped slash stays inside its segment.
  std::size_t at = 1;
  while (at <= raw_path.size()) {
    const auto slash = raw_path.find('/', at);
    const auto piece = raw_path.substr(at, slash == std::string_view::npos ? slash : slash - at);
    if (!piece.empty()) {
      auto segment = percent_decode(piece, false);
      if (!segment) return std::unexpected("a bad %-escape in the path");
      out.segments.push_back(std::move(*segment));
    }
    if (slash == std::string_view::npos) break;
    at = slash + 1;
  }
  if (question == std::string_view::npos) return out;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    const auto amp = query.find('&');
    const auto pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    auto key = percent_decode(pair.substr(0, equals), true);
    auto value = percent_decode(
        equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1), true);
    if (!key || !value) return std::unexpected("a bad %-escape in the query");
    out.query.insert_or_assign(std::move(*key), std::move(*value));
  }
  return out;
}

}  // namespace einlass
