#include "device/device_uri.h"

#include <charconv>

#include "base/text.h"

namespace einlass {

namespace {

std::unexpected<DeviceError> bad_uri(std::string_view uri, std::string_view why) {
  return device_error(DeviceError::Kind::bad_uri,
                      "device URI \"" + std::string(uri) + "\": " + std::string(why));
}

bool is_scheme_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '-' || c == '.';
}

// "host:port" or "[v6]:port" after "//".
DeviceResult<void> parse_authority(std::string_view authority, DeviceUri& uri) {
  std::string_view host = authority;
  std::string_view port;
  if (authority.starts_with('[')) {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return bad_uri(uri.text, "unclosed '[' in the host");
    host = authority.substr(1, close - 1);
    const auto rest = authority.substr(close + 1);
    if (!rest.empty() && !rest.starts_with(':'))
      return bad_uri(uri.text, "unexpected text after the host");
    if (!rest.empty()) port = rest.substr(1);
  } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
    if (host.find(':') != std::string_view::npos)
      return bad_uri(uri.text, "an IPv6 address must be written in brackets, e.g. [fe80::1]");
  }
  if (host.empty()) return bad_uri(uri.text, "the host is empty");
  uri.host = std::string(host);
  if (port.empty() && authority.ends_with(':')) return bad_uri(uri.text, "the port is empty");
  if (port.empty()) return {};
  int value = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc{} || end != port.data() + port.size() || value < 1 || value > 65535)
    return bad_uri(uri.text, "the port \"" + std::string(port) + "\" is not a number in 1..65535");
  uri.port = value;
  return {};
}

DeviceResult<void> parse_query(std::string_view query, DeviceUri& uri) {
  while (!query.empty()) {
    const auto amp = query.find('&');
    const auto pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    const auto eq = pair.find('=');
    const auto key = pair.substr(0, eq);
    const auto value = eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    if (key.empty()) return bad_uri(uri.text, "an option has no name");
    if (!uri.query.emplace(std::string(key), std::string(value)).second)
      return bad_uri(uri.text, "the option \"" + std::string(key) + "\" is given twice");
  }
  return {};
}

}  // namespace

std::optional<std::string_view> DeviceUri::option(std::string_view key) const {
  const auto found = query.find(key);
  if (found == query.end()) return std::nullopt;
  return found->second;
}

DeviceResult<int> DeviceUri::int_option(std::string_view key, int fallback, int min,
                                        int max) const {
  const auto value = option(key);
  if (!value) return fallback;
  int number = 0;
  const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), number);
  if (value->empty() || ec != std::errc{} || end != value->data() + value->size() || number < min ||
      number > max)
    return bad_uri(text, "the option \"" + std::string(key) + "\" must be a whole number in " +
                             std::to_string(min) + ".." + std::to_string(max) + ", not \"" +
                             std::string(*value) + "\"");
  return number;
}

DeviceResult<DeviceUri> parse_device_uri(std::string_view text) {
  DeviceUri uri;
  uri.text = std::string(text);
  if (!is_valid_utf8(text)) return bad_uri(text, "is not valid UTF-8");
  if (contains_control_character(text)) return bad_uri(text, "contains a control character");
  const auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0)
    return bad_uri(text, "no scheme (expected e.g. \"dir:/path\" or \"ipp://host/ipp/print\")");
  const auto scheme = text.substr(0, colon);
  for (const char c : scheme)
    if (!is_scheme_character(c)) return bad_uri(text, "the scheme has a character it cannot have");
  uri.scheme = ascii_lower(scheme);
  auto rest = text.substr(colon + 1);
  const auto question = rest.find('?');
  const auto query =
      question == std::string_view::npos ? std::string_view{} : rest.substr(question + 1);
  rest = rest.substr(0, question);
  if (rest.starts_with("//")) {
    rest.remove_prefix(2);
    const auto slash = rest.find('/');
    if (auto ok = parse_authority(rest.substr(0, slash), uri); !ok)
      return std::unexpected(ok.error());
    uri.path = slash == std::string_view::npos ? std::string{} : std::string(rest.substr(slash));
  } else {
    uri.path = std::string(rest);  // may be empty ("sim:"); drivers that need one say so
  }
  if (auto ok = parse_query(query, uri); !ok) return std::unexpected(ok.error());
  return uri;
}

}  // namespace einlass
