#include "sync/handshake.h"

#include <algorithm>

#include "eventlog/admission_event.h"
#include "sync/json_fields.h"

namespace einlass {

namespace {

using sync_json::bad;
using sync_json::json;
using sync_json::kMaxCursorChars;
using sync_json::parse_object;
using sync_json::text_field;

constexpr std::size_t kMaxSoftwareChars = 64;
constexpr std::size_t kMaxVersions = 16;

std::string list(std::span<const int> versions) {
  std::string out;
  for (const int v : versions) out += (out.empty() ? "" : ", ") + std::to_string(v);
  return out.empty() ? "none" : out;
}

}  // namespace

std::string encode_version_offer(const VersionOffer& offer) {
  return json{
      {"protocol", "einlass-sync"}, {"versions", offer.versions}, {"software", offer.software}}
      .dump();
}

SyncResult<VersionOffer> parse_version_offer(std::string_view payload) {
  auto object = parse_object("version", payload);
  if (!object) return std::unexpected(object.error());
  const auto protocol = object->find("protocol");
  if (protocol == object->end() || *protocol != "einlass-sync")
    return bad("version", "not an Einlass sync peer (\"protocol\" is not \"einlass-sync\")");
  const auto versions = object->find("versions");
  if (versions == object->end() || !versions->is_array() || versions->empty() ||
      versions->size() > kMaxVersions)
    return bad("version", "\"versions\" must be a list of 1 to 16 whole numbers");
  VersionOffer offer;
  for (const auto& v : *versions) {
    if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > 1000)
      return bad("version", "\"versions\" must hold whole numbers from 1 to 1000");
    offer.versions.push_back(v.get<int>());
  }
  auto software = text_field("version", *object, "software", kMaxSoftwareChars, false);
  if (!software) return std::unexpected(software.error());
  offer.software = std::move(*software);
  return offer;
}

SyncResult<int> negotiate_version(std::span<const int> ours, const VersionOffer& theirs,
                                  std::string_view we_are, std::string_view they_are) {
  int best = 0;
  for (const int v : ours)
    if (std::ranges::find(theirs.versions, v) != theirs.versions.end()) best = std::max(best, v);
  if (best > 0) return best;
  const int our_newest = ours.empty() ? 0 : *std::ranges::max_element(ours);
  const int their_newest = *std::ranges::max_element(theirs.versions);
  const std::string_view older = our_newest < their_newest ? we_are : they_are;
  return sync_error(SyncError::Kind::unsupported_version,
                    "the " + std::string(we_are) + " speaks sync protocol " + list(ours) +
                        ", the " + std::string(they_are) + " offers " + list(theirs.versions) +
                        " (software " + theirs.software + "): update the " + std::string(older));
}

std::string encode_hello(const Hello& hello) {
  return json{{"kiosk", hello.kiosk_id}, {"software", hello.software}, {"cursor", hello.cursor}}
      .dump();
}

SyncResult<Hello> parse_hello(std::string_view payload) {
  auto object = parse_object("hello", payload);
  if (!object) return std::unexpected(object.error());
  auto kiosk = text_field("hello", *object, "kiosk", 32, false);
  if (!kiosk) return std::unexpected(kiosk.error());
  if (auto ok = check_kiosk_id(*kiosk); !ok) return bad("hello", ok.error());
  auto software = text_field("hello", *object, "software", kMaxSoftwareChars, false);
  if (!software) return std::unexpected(software.error());
  auto cursor = text_field("hello", *object, "cursor", kMaxCursorChars, true);
  if (!cursor) return std::unexpected(cursor.error());
  return Hello{std::move(*kiosk), std::move(*software), std::move(*cursor)};
}

}  // namespace einlass
