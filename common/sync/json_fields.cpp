#include "sync/json_fields.h"

#include <algorithm>

#include "base/text.h"
#include "eventlog/admission_event.h"

namespace einlass::sync_json {

namespace {

std::string quoted(std::string_view text) {
  return std::string("\"").append(text).append("\"");
}

std::string one_of(std::span<const std::string_view> names) {
  std::string text;
  for (const auto name : names) {
    if (!text.empty()) text += ", ";
    text += quoted(name);
  }
  return text;
}

bool whole_number_in(const json& value, std::int64_t min, std::int64_t max, std::int64_t& out) {
  if (value.is_number_unsigned()) {
    const auto u = value.get<std::uint64_t>();
    out = static_cast<std::int64_t>(u);
    return max >= 0 && u <= static_cast<std::uint64_t>(max) && out >= min;
  }
  if (value.is_number_integer()) {
    out = value.get<std::int64_t>();
    return out >= min && out <= max;
  }
  return false;
}

std::string range_text(std::int64_t min, std::int64_t max) {
  return "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
}

}  // namespace

std::unexpected<SyncError> bad(const Place& place, std::string_view why) {
  std::string message(place.message);
  if (!place.item.empty()) {
    message += ": ";
    message += place.item;
    message += ' ';
    message += std::to_string(place.index);
  }
  message += ": ";
  message += why;
  return sync_error(SyncError::Kind::bad_message, std::move(message));
}

SyncResult<json> parse_object(std::string_view message_name, std::string_view payload) {
  json value = json::parse(payload, nullptr, false);
  if (value.is_discarded()) return bad(message_name, "not JSON");
  if (!value.is_object()) return bad(message_name, "not a JSON object");
  return value;
}

SyncResult<std::string> text_field(const Place& place, const json& object, const char* key,
                                   std::size_t max, bool may_be_empty) {
  const auto it = object.find(key);
  if (it == object.end()) return bad(place, "missing field " + quoted(key));
  if (!it->is_string()) return bad(place, quoted(key) + " must be a string");
  const auto& text = it->get_ref<const std::string&>();
  if (!may_be_empty && text.empty()) return bad(place, quoted(key) + " is empty");
  if (text.size() > max) return bad(place, quoted(key) + " is longer than " + std::to_string(max));
  if (!is_valid_utf8(text) || contains_control_character(text))
    return bad(place, quoted(key) + " has bytes that are not text");
  return text;
}

void FieldReader::fail(SyncError error) {
  if (!error_) error_ = std::move(error);
}

void FieldReader::fail(std::string_view why) {
  fail(bad(place_, why).error());
}

const json* FieldReader::find(const char* key) {
  if (error_) return nullptr;
  const auto it = object_.find(key);
  if (it == object_.end()) {
    fail("missing field " + quoted(key));
    return nullptr;
  }
  return &*it;
}

std::string FieldReader::text(const char* key, std::size_t max, bool may_be_empty) {
  if (error_) return {};
  auto value = text_field(place_, object_, key, max, may_be_empty);
  if (!value) {
    fail(std::move(value.error()));
    return {};
  }
  return std::move(*value);
}

std::string FieldReader::optional_text(const char* key, std::size_t max) {
  if (error_ || !object_.contains(key)) return {};
  return text(key, max, false);
}

std::string FieldReader::cursor(const char* key) {
  std::string value = text(key, kMaxCursorChars, true);
  for (const char c : value) {
    if (c < 0x20 || c > 0x7E) {
      fail(quoted(key) + " must be printable ASCII");
      return {};
    }
  }
  return value;
}

std::string FieldReader::kiosk_id(const char* key) {
  std::string value = text(key, 32, false);
  if (error_) return {};
  if (auto ok = check_kiosk_id(value); !ok) {
    fail(quoted(key) + ": " + ok.error());
    return {};
  }
  return value;
}

std::int64_t FieldReader::integer(const char* key, std::int64_t min, std::int64_t max) {
  const json* value = find(key);
  if (!value) return 0;
  std::int64_t number = 0;
  if (!whole_number_in(*value, min, max, number)) {
    fail(quoted(key) + " must be " + range_text(min, max));
    return 0;
  }
  return number;
}

std::optional<std::int64_t> FieldReader::nullable_integer(const char* key, std::int64_t min,
                                                          std::int64_t max) {
  const json* value = find(key);
  if (!value || value->is_null()) return std::nullopt;
  std::int64_t number = 0;
  if (!whole_number_in(*value, min, max, number)) {
    fail(quoted(key) + " must be null or " + range_text(min, max));
    return std::nullopt;
  }
  return number;
}

bool FieldReader::boolean(const char* key) {
  const json* value = find(key);
  if (!value) return false;
  if (!value->is_boolean()) {
    fail(quoted(key) + " must be true or false");
    return false;
  }
  return value->get<bool>();
}

std::size_t FieldReader::choice(const char* key, std::span<const std::string_view> names) {
  const json* value = find(key);
  if (!value) return 0;
  if (value->is_string()) {
    const auto& text = value->get_ref<const std::string&>();
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == text) return i;
  }
  fail(quoted(key) + " must be one of " + one_of(names));
  return 0;
}

const json* FieldReader::list(const char* key, std::size_t max) {
  const json* value = find(key);
  if (!value) return nullptr;
  if (!value->is_array()) {
    fail(quoted(key) + " must be a list");
    return nullptr;
  }
  if (value->size() > max) {
    fail(quoted(key) + " has " + std::to_string(value->size()) + " entries; at most " +
         std::to_string(max));
    return nullptr;
  }
  return value;
}

const json* FieldReader::optional_list(const char* key, std::size_t max) {
  if (error_ || !object_.contains(key)) return nullptr;
  return list(key, max);
}

std::map<std::string, std::uint64_t> FieldReader::optional_counts(
    const char* key, std::span<const std::string_view> words) {
  std::map<std::string, std::uint64_t> counts;
  const json* value = optional_object(key);
  if (!value) return counts;
  for (const auto& [word, count] : value->items()) {
    if (std::find(words.begin(), words.end(), word) == words.end()) {
      fail(quoted(key) + " has a key that is not one of " + one_of(words));
      return {};
    }
    std::int64_t number = 0;
    if (!whole_number_in(count, 0, INT64_MAX, number)) {
      // Qualified: for a std::string, ADL's std::quoted would win.
      fail(quoted(key) + ": " + sync_json::quoted(word) + " must be " + range_text(0, INT64_MAX));
      return {};
    }
    counts.emplace(word, static_cast<std::uint64_t>(number));
  }
  return counts;
}

const json* FieldReader::optional_object(const char* key) {
  if (error_ || !object_.contains(key)) return nullptr;
  return object(key);
}

const json* FieldReader::object(const char* key) {
  const json* value = find(key);
  if (!value) return nullptr;
  if (!value->is_object()) {
    fail(quoted(key) + " must be a JSON object");
    return nullptr;
  }
  return value;
}

}  // namespace einlass::sync_json
