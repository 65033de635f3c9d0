#pragma once
// Internal to einlass_desk: an attendee as search lists them (and as the detail begins).
#include <nlohmann/json.hpp>

#include "desk/event_view.h"
#include "event/attendee.h"

namespace einlass::desk_detail {

// The record's fields plus its status, whether it is revoked and whether it has an entry on the
// event day it is now (false outside the event): the caller knows those from its own reads.
nlohmann::json attendee_row(const EventView& view, const AttendeeRecord& record, bool revoked,
                            bool admitted_today);

}  // namespace einlass::desk_detail
