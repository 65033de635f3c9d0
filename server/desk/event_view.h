#pragma once
// Internal to einlass_desk: the event as the desk needs it for one request: its config, its
// calendar (which event day "now" is), category labels and local time texts.
#include <optional>
#include <string>

#include "base/time.h"
#include "desk/local_time_text.h"
#include "event/event_calendar.h"
#include "event/event_config.h"
#include "storage/database.h"

namespace einlass::desk_detail {

struct EventView {
  EventConfig event;
  EventCalendar calendar;
  LocalTimeText time_text;

  // The category's label as the page shows it ("Teilnehmer"); empty for a code the event lacks.
  std::string category_label(CategoryCode code) const;
  std::optional<int> day_at(Timestamp t) const { return calendar.event_day(t); }
};

// Fails (storage) when the database holds no event or a broken one.
EventView load_event_view(Database& db);

}  // namespace einlass::desk_detail
