#pragma once
// Internal to einlass_sync: reading JSON message fields with the checks every message shares
// (present, of the right type, in range, text that is valid UTF-8 without control characters and
// bounded). Errors are bad_message and name the message, the list entry and the field:
// "push: event 3: \"s\" must be a whole number from 0 to 9223372036854775807".
#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "sync/sync_error.h"

namespace einlass::sync_json {

using nlohmann::json;

inline constexpr std::size_t kMaxCursorChars = 128;

// Where a field sits: a message ("push"), or entry `index` (1-based) of one of its lists.
struct Place {
  Place(const char* message_name) : message(message_name) {}       // NOLINT: implicit on purpose
  Place(std::string_view message_name) : message(message_name) {}  // NOLINT
  Place(std::string_view message_name, std::string_view item_name, std::size_t item_index)
      : message(message_name), item(item_name), index(item_index) {}

  std::string_view message;
  std::string_view item;  // empty: the message itself
  std::size_t index = 0;
};

std::unexpected<SyncError> bad(const Place& place, std::string_view why);

// The payload as a JSON object; nothing after it but white space.
SyncResult<json> parse_object(std::string_view message_name, std::string_view payload);

// A string field: present, a string, valid UTF-8 without control characters, at most `max` bytes.
SyncResult<std::string> text_field(const Place& place, const json& object, const char* key,
                                   std::size_t max, bool may_be_empty);

// Reads the fields of one JSON object in turn. The first error is kept and later reads return
// empty values, so a parser reads everything and checks failed() once.
class FieldReader {
 public:
  // `object` must be a JSON object.
  FieldReader(Place place, const json& object) : place_(place), object_(object) {}

  std::string text(const char* key, std::size_t max, bool may_be_empty);
  // Absent means empty; present, it must be non-empty (encoders leave empty texts out).
  std::string optional_text(const char* key, std::size_t max);
  // Printable ASCII, at most 128 characters, may be empty.
  std::string cursor(const char* key);
  std::string kiosk_id(const char* key);
  std::int64_t integer(const char* key, std::int64_t min, std::int64_t max);
  template <class T>
  T number(const char* key, std::int64_t min, std::int64_t max) {
    return static_cast<T>(integer(key, min, max));
  }
  // Present; null gives nullopt, anything else must be a whole number from `min` to `max`.
  std::optional<std::int64_t> nullable_integer(const char* key, std::int64_t min, std::int64_t max);
  bool boolean(const char* key);
  // The index of the field's text in `names`.
  std::size_t choice(const char* key, std::span<const std::string_view> names);
  // A list of at most `max` entries; nullptr after an error.
  const json* list(const char* key, std::size_t max);
  // Absent: nullptr and no error (an older sender); present, as list().
  const json* optional_list(const char* key, std::size_t max);
  // Counts by word. Absent means empty (an older sender); present, a JSON object whose keys are
  // each one of `words` (so, keys being unique, it has at most as many entries) and whose values
  // are whole numbers from 0 to 2^63-1. A wrong key is not repeated in the error: it may be
  // anything a peer sent.
  std::map<std::string, std::uint64_t> optional_counts(const char* key,
                                                       std::span<const std::string_view> words);
  // Present and a JSON object; nullptr when absent or after an error.
  const json* optional_object(const char* key);
  const json* object(const char* key);

  void fail(SyncError error);
  void fail(std::string_view why);
  bool failed() const { return error_.has_value(); }
  std::unexpected<SyncError> error() const { return std::unexpected(*error_); }
  const Place& place() const { return place_; }

 private:
  const json* find(const char* key);

  Place place_;
  const json& object_;
  std::optional<SyncError> error_;
};

}  // namespace einlass::sync_json
