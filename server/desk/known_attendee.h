#pragma once
// Internal to einlass_desk: the checks every page and action about one ticket starts with.
#include <optional>
#include <utility>

#include "desk/desk_failure.h"
#include "event/attendee.h"
#include "storage/storage_error.h"
#include "ticket/ticket.h"

namespace einlass::desk_detail {

[[noreturn]] void fail_no_attendee(TicketId ticket);

// What a repository found for `ticket` (its record or its registration); fails not_found
// ("no attendee T000042") when the server holds no registration for it.
template <class T>
T known_attendee(StorageResult<std::optional<T>> found, TicketId ticket) {
  auto value = need(std::move(found));
  if (!value) fail_no_attendee(ticket);
  return std::move(*value);
}

// Refuses (conflict, "not_active": "T000042 is canceled") a registration that is not active.
void require_active(const AttendeeRecord& record);

}  // namespace einlass::desk_detail
