#pragma once
// Internal to einlass_desk: an attendee as search lists them (and as the detail begins).
#include <nlohmann/json.hpp>
#include <optional>

#include "desk/event_view.h"
#include "event/attendee.h"
#include "storage/database.h"

namespace einlass::desk_detail {

// The record's fields plus status, whether it is revoked and whether it has an entry on event
// day `today` (false outside the event). Two index lookups.
nlohmann::json attendee_row(Database& db, const EventView& view, const AttendeeRecord& record,
                            std::optional<int> today);

}  // namespace einlass::desk_detail
