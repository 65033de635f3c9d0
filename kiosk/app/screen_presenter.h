#pragma once
// What the attendee sees after a scan: the welcome with their name, a goodbye at an exit, or a
// refusal in plain German and English that says where to go.
#include "core/admission_desk.h"
#include "event/event_calendar.h"
#include "event/event_config.h"
#include "screen/screen_view.h"

namespace einlass {

ScreenContent present_outcome(const ScanOutcome& outcome, const EventConfig& event,
                              const EventCalendar& calendar);

}  // namespace einlass
