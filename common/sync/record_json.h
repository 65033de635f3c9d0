#pragma once
// Internal to einlass_sync: the compact JSON forms of what several messages carry (admission
// events, attendees, revocations, the replica config), shared by their encoders and parsers.
#include <optional>
#include <vector>

#include "sync/json_fields.h"
#include "sync/messages.h"

namespace einlass::sync_json {

// Text bounds in bytes of UTF-8.
inline constexpr std::size_t kMaxStaffBytes = 64;
inline constexpr std::size_t kMaxReasonBytes = 500;
// Names and organisations: the ticket codec's bound for its text fields.
inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::int64_t kMaxTicketId = 0xFFFF'FFFF;
inline constexpr std::int64_t kMaxSeq = INT64_MAX;
inline constexpr std::int64_t kMinTime = INT64_MIN;
inline constexpr std::int64_t kMaxTime = INT64_MAX;

json event_json(const AdmissionEvent& event);
SyncResult<AdmissionEvent> read_event(const Place& place, const json& value);

json attendee_json(const AttendeeRecord& attendee);
SyncResult<AttendeeRecord> read_attendee(const Place& place, const json& value);

json revocation_json(const Revocation& revocation);
SyncResult<Revocation> read_revocation(const Place& place, const json& value);

json config_json(const ReplicaConfig& config);
// `message` names the message that carries it ("changes").
SyncResult<ReplicaConfig> read_config(std::string_view message, const json& value);

// Reads every entry of `list` with `read` into `out`; the first error names the entry.
template <class T, class Read>
std::optional<SyncError> read_entries(std::string_view message, std::string_view item,
                                      const json& list, Read read, std::vector<T>& out) {
  out.reserve(list.size());
  std::size_t index = 0;
  for (const auto& value : list) {
    auto entry = read(Place{message, item, ++index}, value);
    if (!entry) return std::move(entry.error());
    out.push_back(std::move(*entry));
  }
  return std::nullopt;
}

// Ticket ids, from 1.
std::optional<SyncError> read_ticket_ids(std::string_view message, const char* key,
                                         const json& list, std::vector<TicketId>& out);

}  // namespace einlass::sync_json
