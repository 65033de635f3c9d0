#include "hub/sync_cursor.h"

#include <charconv>

namespace einlass {

namespace {

template <class T>
std::optional<T> parse_number(std::string_view text) {
  T value{};
  if (text.empty() || text.front() == '-' || text.front() == '+') return std::nullopt;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string format_cursor(const SyncCursor& cursor) {
  return std::to_string(cursor.event) + "." + std::to_string(cursor.position);
}

std::optional<SyncCursor> parse_cursor(std::string_view text) {
  const auto dot = text.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const auto event = parse_number<EventId>(text.substr(0, dot));
  const auto position = parse_number<std::int64_t>(text.substr(dot + 1));
  if (!event || !position) return std::nullopt;
  return SyncCursor{*event, *position};
}

std::optional<std::int64_t> continue_from(std::string_view cursor, EventId event,
                                          std::int64_t newest) {
  const auto parsed = parse_cursor(cursor);
  if (!parsed || parsed->event != event || parsed->position > newest) return std::nullopt;
  return parsed->position;
}

}  // namespace einlass
