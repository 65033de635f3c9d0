#include "web/live_feed.h"

#include <nlohmann/json.hpp>

namespace einlass {

std::optional<std::string> LiveFeed::poll() {
  auto fingerprint = desk_.fingerprint();
  if (!fingerprint) return std::nullopt;
  const bool first = !last_.has_value();
  if (!first && *last_ == *fingerprint) return std::nullopt;
  auto summary = desk_.summary();
  if (!summary) return std::nullopt;  // try again next time: last_ stays behind
  last_ = std::move(*fingerprint);
  if (first) return std::nullopt;
  const nlohmann::json message{{"type", "changed"}, {"summary", std::move(*summary)}};
  return message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string LiveFeed::hello() {
  return R"({"type":"hello"})";
}

}  // namespace einlass
