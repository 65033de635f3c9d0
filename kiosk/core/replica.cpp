#include "core/replica.h"

#include "storage/admission_log.h"
#include "storage/attendee_repository.h"
#include "storage/event_repository.h"
#include "storage/key_repository.h"
#include "storage/revocation_repository.h"

namespace einlass {

namespace {

std::string failure(const std::filesystem::path& path, const StorageError& error) {
  return "replica " + path.string() + ": " + error.message;
}

}  // namespace

namespace {

struct Loaded {
  EventConfig event;
  EventCalendar calendar;
  Keyring keyring;
};

std::expected<Loaded, std::string> load(Database& db) {
  const std::filesystem::path& path = db.path();
  auto event = EventRepository(db).load();
  if (!event) return std::unexpected(failure(path, event.error()));
  if (!*event)
    return std::unexpected("replica " + path.string() +
                           ": holds no event (make it with einlass-admin provision-kiosk)");
  auto calendar = EventCalendar::create(**event);
  if (!calendar) return std::unexpected("replica " + path.string() + ": " + calendar.error());
  auto keyring = KeyRepository(db).keyring((*event)->id);
  if (!keyring) return std::unexpected(failure(path, keyring.error()));
  return Loaded{std::move(**event), std::move(*calendar), std::move(*keyring)};
}

}  // namespace

std::expected<Replica, std::string> Replica::open(const std::filesystem::path& path) {
  auto db = Database::open_existing(path, DatabaseKind::kiosk);
  if (!db) return std::unexpected(failure(path, db.error()));
  auto loaded = load(*db);
  if (!loaded) return std::unexpected(std::move(loaded.error()));
  return Replica(std::move(*db), std::move(loaded->event), std::move(loaded->calendar),
                 std::move(loaded->keyring));
}

std::expected<void, std::string> Replica::reload() {
  auto loaded = load(db_);
  if (!loaded) return std::unexpected(std::move(loaded.error()));
  event_ = std::move(loaded->event);
  calendar_ = std::move(loaded->calendar);
  keyring_ = std::move(loaded->keyring);
  return {};
}

StorageResult<ReplicaFacts> Replica::facts(TicketId ticket) {
  SystemClock unused_clock;  // reads only: nothing is stamped
  auto record = AttendeeRepository(db_, unused_clock).find_record(ticket);
  if (!record) return std::unexpected(record.error());
  auto revoked = RevocationRepository(db_).is_revoked(ticket);
  if (!revoked) return std::unexpected(revoked.error());
  return ReplicaFacts{std::move(*record), *revoked};
}

StorageResult<std::vector<AdmissionEvent>> Replica::history(TicketId ticket) {
  SystemClock unused_clock;
  return AdmissionLog(db_, unused_clock).events_for_ticket(ticket);
}

std::expected<Entrance, std::string> resolve_entrance(const std::string& kiosk_id,
                                                      EntranceMode mode,
                                                      const std::vector<std::string>& categories,
                                                      const EventConfig& event) {
  Entrance entrance{kiosk_id, mode, {}};
  for (const auto& name : categories) {
    const Category* category = find_category(event, name);
    if (!category)
      return std::unexpected("entrance.categories: the event has no category \"" + name + "\"");
    entrance.admitted_categories.push_back(category->code);
  }
  return entrance;
}

}  // namespace einlass
