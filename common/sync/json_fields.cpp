#include "sync/json_fields.h"

#include "base/text.h"
#include "eventlog/admission_event.h"

namespace einlass::sync_json {

namespace {

std::string quoted(const char* key) {
  return std::string("\"") + key + "\"";
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
  bool in_range = false;
  std::int64_t number = 0;
  if (value->is_number_unsigned()) {
    const auto u = value->get<std::uint64_t>();
    in_range =
        max >= 0 && u <= static_cast<std::uint64_t>(max) && static_cast<std::int64_t>(u) >= min;
    number = static_cast<std::int64_t>(u);
  } else if (value->is_number_integer()) {
    number = value->get<std::int64_t>();
    in_range = number >= min && number <= max;
  }
  if (!in_range) {
    fail(quoted(key) + " must be a whole number from " + std::to_string(min) + " to " +
         std::to_string(max));
    return 0;
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
  std::string expected;
  for (const auto name : names) {
    if (!expected.empty()) expected += ", ";
    expected += '"';
    expected += name;
    expected += '"';
  }
  fail(quoted(key) + " must be one of " + expected);
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
