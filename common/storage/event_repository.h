#pragma once
// The event's configuration (name, days, time zone, categories, policies); one per database.
#include <optional>

#include "event/event_config.h"
#include "storage/database.h"

namespace einlass {

class EventRepository {
 public:
  explicit EventRepository(Database& db) : db_(db) {}

  // Replaces the stored event and its categories in one transaction. On the server a category
  // still used by an attendee cannot be dropped (Kind::constraint).
  StorageResult<void> save(const EventConfig& event);
  // nullopt when no event was saved yet.
  StorageResult<std::optional<EventConfig>> load();

 private:
  Database& db_;
};

}  // namespace einlass
