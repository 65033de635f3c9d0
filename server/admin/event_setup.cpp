#include "admin/event_setup.h"

#include "admin/file_owners.h"

#include "admin/event_database.h"
#include "event/event_calendar.h"
#include "storage/event_repository.h"

namespace einlass {

std::expected<EventConfig, AdminError> init_event(const std::filesystem::path& path,
                                                  const NewEvent& request, EventId event_id,
                                                  Timestamp now) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) {
    return std::unexpected(AdminError{path.string() +
                                      ": already exists; 'init' creates a new event database and "
                                      "never overwrites one"});
  }
  if (request.name.empty()) return std::unexpected(AdminError{"--name: the event needs a name"});
  EventConfig event;
  event.id = event_id;
  event.name = request.name;
  event.first_day = request.first_day;
  event.day_count = request.day_count;
  event.time_zone = request.time_zone;
  event.reentry = request.reentry;
  if (auto calendar = EventCalendar::create(event); !calendar) {
    return std::unexpected(AdminError{calendar.error()});
  }

  auto created = [&]() -> std::expected<void, AdminError> {
    auto db = Database::open(path, DatabaseKind::server);
    if (!db) return std::unexpected(storage_failure(path, db.error()));
    if (auto saved = EventRepository{*db}.save(event); !saved) {
      return std::unexpected(storage_failure(path, saved.error()));
    }
    if (auto key = add_new_signing_key(*db, now); !key) return std::unexpected(key.error());
    // einlass-admin run as root on a server's state directory: the service must own the file.
    return hand_to_folder_owner(path);
  }();
  if (!created) {
    // A database without its event or key is of no use, and would block the next 'init'.
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path.string() + suffix, ec);
    }
    return std::unexpected(created.error());
  }
  return event;
}

}  // namespace einlass
