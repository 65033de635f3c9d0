#pragma once
// The kiosk's replica: the event, the keys it trusts, the attendees' badge fields, revocations
// and the admissions it knows, in one SQLite file. Everything a kiosk needs to decide alone.
#include <expected>
#include <filesystem>
#include <string>
#include <vector>

#include "event/event_calendar.h"
#include "event/event_config.h"
#include "rules/decide.h"
#include "storage/database.h"
#include "ticket/keyring.h"

namespace einlass {

class Replica {
 public:
  // Refuses a missing file or one without an event: a kiosk is provisioned, never improvised.
  static std::expected<Replica, std::string> open(const std::filesystem::path& path);

  // Reads the event, its calendar and the keyring again after sync changed them, so the next
  // decision uses them. On failure the replica keeps deciding with what it held before.
  std::expected<void, std::string> reload();

  Database& db() { return db_; }
  const EventConfig& event() const { return event_; }
  const EventCalendar& calendar() const { return calendar_; }
  const Keyring& keyring() const { return keyring_; }

  StorageResult<ReplicaFacts> facts(TicketId ticket);
  StorageResult<std::vector<AdmissionEvent>> history(TicketId ticket);

 private:
  Replica(Database db, EventConfig event, EventCalendar calendar, Keyring keyring)
      : db_(std::move(db)),
        event_(std::move(event)),
        calendar_(std::move(calendar)),
        keyring_(std::move(keyring)) {}

  Database db_;
  EventConfig event_;
  EventCalendar calendar_;
  Keyring keyring_;
};

// The entrance this kiosk is, with category names from the config resolved against the event.
std::expected<Entrance, std::string> resolve_entrance(const std::string& kiosk_id,
                                                      EntranceMode mode,
                                                      const std::vector<std::string>& categories,
                                                      const EventConfig& event);

}  // namespace einlass
