#include "desk/event_view.h"

#include "desk/desk_failure.h"
#include "storage/event_repository.h"

namespace einlass::desk_detail {

std::string EventView::category_label(CategoryCode code) const {
  const Category* category = find_category(event, code);
  return category != nullptr ? category->label_de : std::string();
}

EventView load_event_view(Database& db) {
  auto event = need(EventRepository(db).load());
  if (!event) fail(DeskError::Kind::storage, "storage", "the database holds no event");
  auto calendar = EventCalendar::create(*event);
  if (!calendar) fail(DeskError::Kind::storage, "storage", "the stored event: " + calendar.error());
  auto time_text = LocalTimeText::create(event->time_zone);
  if (!time_text)
    fail(DeskError::Kind::storage, "storage", "the stored event: " + time_text.error());
  return EventView{std::move(*event), *calendar, *time_text};
}

}  // namespace einlass::desk_detail
