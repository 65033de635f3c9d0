#pragma once
// What the attendee reads on the kiosk screen and what staff read on the dashboard.
#include <string>
#include <string_view>

#include "event/event_calendar.h"
#include "rules/decide.h"

namespace einlass {

enum class Language { de, en };

// "Willkommen, <name>!" or, for a refusal, a plain sentence that says why and sends the attendee to
// the staff desk. Never a code.
std::string attendee_message(const Decision& decision, Language language,
                             std::string_view event_name, const EventCalendar& calendar);

// The code or verdict, local scan time and the staff detail; for manual entries who and why.
std::string staff_explanation(const Decision& decision, const EventCalendar& calendar);

}  // namespace einlass
