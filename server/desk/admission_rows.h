#pragma once
// Internal to einlass_desk: admission events as the dashboard lists them, with the attendee's
// badge fields and whether a duplicate alert names the event. Shared by the admissions page and
// the attendee detail; the manual admission answers the same shape from what it has in hand.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "desk/event_view.h"
#include "event/attendee.h"
#include "eventlog/admission_event.h"
#include "storage/database.h"

namespace einlass::desk_detail {

// An event's place in the merge order (hybrid clock, then key): where a page ends.
struct AdmissionPosition {
  std::int64_t hlc_wall = 0;
  std::int64_t hlc_logical = 0;
  std::string kiosk_id;
  std::int64_t seq = 0;
};

struct AdmissionRowQuery {
  std::optional<int> day;
  std::string kiosk;  // empty: all
  std::string kind;   // empty: all
  std::optional<TicketId> ticket;
  std::optional<AdmissionPosition> before;  // newest first only
  bool newest_first = true;
  std::optional<std::size_t> limit;
};

struct AdmissionRow {
  nlohmann::json json;  // the API's admission shape
  AdmissionPosition position;
};

std::vector<AdmissionRow> load_admissions(Database& db, const EventView& view,
                                          const AdmissionRowQuery& query);

// The API's admission shape for an event of `record`'s ticket, as load_admissions gives it.
nlohmann::json admission_json(const EventView& view, const AdmissionEvent& event,
                              const AttendeeRecord& record, bool duplicate);

}  // namespace einlass::desk_detail
