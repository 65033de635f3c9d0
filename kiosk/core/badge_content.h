#pragma once
// What goes on an attendee's badge, from the replica's record of the holder.
#include <string>

#include "badge/badge.h"
#include "event/attendee.h"
#include "event/event_calendar.h"
#include "event/event_config.h"
#include "storage/print_job_repository.h"

namespace einlass {

// "EINLASS-BADGE:K1-42-R0-A1": the admission the badge belongs to, its reprint number and the
// print attempt, so staff can tell any copy from the first badge by scanning it.
std::string badge_code(const EventKey& admission, int reprint, int attempt);

// "Sa 28.03. · So 29.03." for the event days in `days`.
std::string badge_days_text(DayMask days, const EventCalendar& calendar);

// A job on its second or later attempt was sent before and the kiosk stopped before hearing
// back, so the copy may be a second one: it is marked like a reprint, never printed unmarked.
Badge make_badge(const PrintJob& job, const AttendeeRecord& holder, const EventConfig& event,
                 const EventCalendar& calendar);

}  // namespace einlass
