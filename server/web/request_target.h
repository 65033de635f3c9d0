#pragma once
// The path and query of a request target, percent-decoded: "/api/v1/attendees?q=m%C3%BCller"
// -> path "/api/v1/attendees", q = "müller". Malformed escapes are an error, not a guess.
#include <expected>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace einlass {

struct RequestTarget {
  std::string path;
  std::vector<std::string> segments;  // "/api/v1/attendees/42" -> {"api","v1","attendees","42"}
  std::map<std::string, std::string, std::less<>> query;  // the last value of a repeated key wins

  std::optional<std::string_view> param(std::string_view key) const;
};

std::expected<RequestTarget, std::string> parse_request_target(std::string_view target);

// "%41+b" -> "A b" when plus_is_space; nullopt for a bad escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

}  // namespace einlass
