#pragma once
// The words on a mailed ticket: event dates and valid days in German, built from the event.
#include <string>

#include "event/attendee.h"
#include "event/event_config.h"
#include "render/ticket_sheet.h"

namespace einlass {

// "28.03.2026" for one day, "28.–29.03.2026" for consecutive days in one month.
std::string format_event_dates(const EventConfig& event);

// "Gültig: Sa 28.03.2026 und So 29.03.2026" / "Gültig an allen Tagen".
std::string format_valid_days(const EventConfig& event, DayMask days);

TicketSheet make_ticket_sheet(const EventConfig& event, const Registration& registration,
                              std::string code);

}  // namespace einlass
