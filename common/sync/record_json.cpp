#include "sync/record_json.h"

#include <array>
#include <bitset>
#include <set>

#include "base/date_text.h"
#include "event/event_calendar.h"
#include "render/colour.h"

namespace einlass::sync_json {

namespace {

constexpr std::array<std::string_view, 3> kKinds{"entry", "exit", "manual_entry"};
constexpr std::array<std::string_view, 3> kStatuses{"active", "canceled", "blocked"};
constexpr std::array<std::string_view, 2> kReentry{"deny", "allow_after_exit"};
constexpr std::size_t kMaxKeys = 256;
constexpr std::size_t kMaxCategories = 256;
constexpr std::size_t kMaxSlugBytes = 32;
constexpr std::size_t kMaxLabelBytes = 64;

std::string hex(const Ed25519PublicKey& key) {
  constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * key.size());
  for (const std::uint8_t b : key) {
    out += digits[b >> 4];
    out += digits[b & 0xF];
  }
  return out;
}

std::optional<Ed25519PublicKey> from_hex(std::string_view text) {
  Ed25519PublicKey key{};
  if (text.size() != 2 * key.size()) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < key.size(); ++i) {
    const int high = nibble(text[2 * i]);
    const int low = nibble(text[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    key[i] = static_cast<std::uint8_t>(high << 4 | low);
  }
  return key;
}

std::unexpected<SyncError> not_object(const Place& place) {
  return bad(place, "not a JSON object");
}

json category_json(const Category& c) {
  return json{{"c", c.code},
              {"slug", c.slug},
              {"de", c.label_de},
              {"en", c.label_en},
              {"colour", c.colour}};
}

SyncResult<Category> read_category(const Place& place, const json& value) {
  if (!value.is_object()) return not_object(place);
  FieldReader in(place, value);
  Category c;
  c.code = in.number<CategoryCode>("c", 0, 255);
  c.slug = in.text("slug", kMaxSlugBytes, false);
  c.label_de = in.text("de", kMaxLabelBytes, true);
  c.label_en = in.text("en", kMaxLabelBytes, true);
  c.colour = in.text("colour", 7, false);
  if (in.failed()) return in.error();
  if (auto colour = parse_colour(c.colour); !colour) return bad(place, colour.error());
  return c;
}

json event_config_json(const EventConfig& event) {
  json categories = json::array();
  for (const auto& c : event.categories) categories.push_back(category_json(c));
  return json{{"id", event.id},
              {"name", event.name},
              {"tz", event.time_zone},
              {"first", event.first_day.ok() ? format_iso_date(event.first_day) : std::string()},
              {"days", event.day_count},
              {"reentry", kReentry[static_cast<std::size_t>(event.reentry)]},
              {"categories", std::move(categories)}};
}

SyncResult<EventConfig> read_event_config(const Place& place, const json& value) {
  FieldReader in(place, value);
  EventConfig event;
  event.id = in.number<EventId>("id", 0, 0xFFFF'FFFF);
  event.name = in.text("name", kMaxNameBytes, false);
  event.time_zone = in.text("tz", 64, false);
  const std::string first = in.text("first", 10, false);
  event.day_count = in.number<int>("days", 1, kMaxEventDays);
  event.reentry = static_cast<ReentryPolicy>(in.choice("reentry", kReentry));
  const json* categories = in.list("categories", kMaxCategories);
  if (in.failed()) return in.error();
  auto first_day = parse_iso_date(first);
  if (!first_day) return bad(place, "\"first\": " + first_day.error());
  event.first_day = *first_day;
  // The rules every part of the system applies to the event: a known time zone, 1 to 32 days.
  if (auto calendar = EventCalendar::create(event); !calendar) return bad(place, calendar.error());
  event.categories.clear();
  if (auto error =
          read_entries(place.message, "category", *categories, read_category, event.categories))
    return std::unexpected(std::move(*error));
  std::bitset<256> codes;
  std::set<std::string_view> slugs;
  for (const auto& c : event.categories) {
    if (codes.test(c.code))
      return bad(place, "category code " + std::to_string(c.code) + " appears twice");
    codes.set(c.code);
    if (!slugs.insert(c.slug).second)
      return bad(place, "category \"" + c.slug + "\" appears twice");
  }
  return event;
}

}  // namespace

json event_json(const AdmissionEvent& event) {
  json out{{"k", event.key.kiosk_id},
           {"s", event.key.seq},
           {"t", event.ticket_id},
           {"kind", to_string(event.kind)},
           {"at", to_unix_ms(event.scan_time)},
           {"hw", event.hlc.wall_ms},
           {"hl", event.hlc.logical},
           {"d", event.event_day}};
  if (!event.staff.empty()) out["staff"] = event.staff;
  if (!event.reason.empty()) out["why"] = event.reason;
  return out;
}

SyncResult<AdmissionEvent> read_event(const Place& place, const json& value) {
  if (!value.is_object()) return not_object(place);
  FieldReader in(place, value);
  AdmissionEvent event;
  event.key.kiosk_id = in.kiosk_id("k");
  event.key.seq = in.number<std::uint64_t>("s", 0, kMaxSeq);
  event.ticket_id = in.number<TicketId>("t", 1, kMaxTicketId);
  event.kind = static_cast<AdmissionKind>(in.choice("kind", kKinds));
  event.scan_time = from_unix_ms(in.integer("at", kMinTime, kMaxTime));
  event.hlc.wall_ms = in.integer("hw", kMinTime, kMaxTime);
  event.hlc.logical = in.number<std::uint32_t>("hl", 0, 0xFFFF'FFFF);
  event.event_day = in.number<int>("d", 1, kMaxEventDays);
  event.staff = in.optional_text("staff", kMaxStaffBytes);
  event.reason = in.optional_text("why", kMaxReasonBytes);
  if (in.failed()) return in.error();
  return event;
}

json attendee_json(const AttendeeRecord& a) {
  return json{{"t", a.ticket_id}, {"n", a.display_name}, {"o", a.organisation},
              {"c", a.category},  {"days", a.days},      {"st", to_string(a.status)}};
}

SyncResult<AttendeeRecord> read_attendee(const Place& place, const json& value) {
  if (!value.is_object()) return not_object(place);
  FieldReader in(place, value);
  AttendeeRecord a;
  a.ticket_id = in.number<TicketId>("t", 1, kMaxTicketId);
  a.display_name = in.text("n", kMaxNameBytes, true);
  a.organisation = in.text("o", kMaxNameBytes, true);
  a.category = in.number<CategoryCode>("c", 0, 255);
  a.days = in.number<DayMask>("days", 0, 0xFFFF'FFFF);
  a.status = static_cast<AttendeeStatus>(in.choice("st", kStatuses));
  if (in.failed()) return in.error();
  return a;
}

json revocation_json(const Revocation& r) {
  json out{{"t", r.ticket_id}, {"at", to_unix_ms(r.revoked_at)}};
  if (!r.reason.empty()) out["why"] = r.reason;
  return out;
}

SyncResult<Revocation> read_revocation(const Place& place, const json& value) {
  if (!value.is_object()) return not_object(place);
  FieldReader in(place, value);
  Revocation r;
  r.ticket_id = in.number<TicketId>("t", 1, kMaxTicketId);
  r.revoked_at = from_unix_ms(in.integer("at", kMinTime, kMaxTime));
  r.reason = in.optional_text("why", kMaxReasonBytes);
  if (in.failed()) return in.error();
  return r;
}

json config_json(const ReplicaConfig& config) {
  json keys = json::array();
  for (const auto& k : config.keys) keys.push_back(json{{"id", k.id}, {"key", hex(k.public_key)}});
  json cards = json::array();
  for (const auto& c : config.revoked_staff_cards)
    cards.push_back(json{{"card", c.card_id}, {"at", to_unix_ms(c.revoked_at)}});
  return json{{"event", event_config_json(config.event)},
              {"keys", std::move(keys)},
              {"revoked_cards", std::move(cards)}};
}

SyncResult<ReplicaConfig> read_config(std::string_view message, const json& value) {
  const std::string config_text = std::string(message) + ": config";
  const std::string event_text = config_text + ": event";
  const std::string_view here = config_text;
  if (!value.is_object()) return not_object(here);
  FieldReader in(here, value);
  const json* event = in.object("event");
  const json* keys = in.list("keys", kMaxKeys);
  const json* cards = in.list("revoked_cards", kMaxChangeEntries);
  if (in.failed()) return in.error();

  ReplicaConfig config;
  auto read = read_event_config(std::string_view(event_text), *event);
  if (!read) return std::unexpected(std::move(read.error()));
  config.event = std::move(*read);

  auto read_key = [](const Place& place, const json& entry) -> SyncResult<PublicKeyEntry> {
    if (!entry.is_object()) return not_object(place);
    FieldReader key_in(place, entry);
    PublicKeyEntry k;
    k.id = key_in.number<KeyId>("id", 0, 255);
    const std::string text = key_in.text("key", 64, false);
    if (key_in.failed()) return key_in.error();
    const auto key = from_hex(text);
    if (!key) return bad(place, "\"key\" must be 64 lowercase hex digits");
    k.public_key = *key;
    return k;
  };
  if (auto error = read_entries(here, "key", *keys, read_key, config.keys))
    return std::unexpected(std::move(*error));
  std::bitset<256> ids;
  for (const auto& k : config.keys) {
    if (ids.test(k.id)) return bad(here, "key id " + std::to_string(k.id) + " appears twice");
    ids.set(k.id);
  }

  auto read_card = [](const Place& place, const json& entry) -> SyncResult<RevokedCard> {
    if (!entry.is_object()) return not_object(place);
    FieldReader card_in(place, entry);
    RevokedCard c;
    c.card_id = card_in.number<std::uint32_t>("card", 1, 0xFFFF'FFFF);
    c.revoked_at = from_unix_ms(card_in.integer("at", kMinTime, kMaxTime));
    if (card_in.failed()) return card_in.error();
    return c;
  };
  if (auto error =
          read_entries(here, "revoked card", *cards, read_card, config.revoked_staff_cards))
    return std::unexpected(std::move(*error));
  return config;
}

std::optional<SyncError> read_ticket_ids(std::string_view message, const char* key,
                                         const json& list, std::vector<TicketId>& out) {
  out.reserve(list.size());
  std::size_t index = 0;
  for (const auto& value : list) {
    ++index;
    // Parsed JSON holds every whole number from 0 as unsigned.
    const bool ok = value.is_number_unsigned() && value.get<std::uint64_t>() >= 1 &&
                    value.get<std::uint64_t>() <= kMaxTicketId;
    if (!ok)
      return bad(message, "\"" + std::string(key) + "\" entry " + std::to_string(index) +
                              " must be a whole number from 1 to " + std::to_string(kMaxTicketId))
          .error();
    out.push_back(static_cast<TicketId>(value.get<std::uint64_t>()));
  }
  return std::nullopt;
}

}  // namespace einlass::sync_json
