#pragma once
// Opening the organiser's event database: the file, its event and its keys, or a message that
// says what to do.
#include <expected>
#include <filesystem>

#include "admin/admin_error.h"
#include "event/event_calendar.h"
#include "event/event_config.h"
#include "storage/database.h"
#include "ticket/keyring.h"
#include "ticket/signing_key.h"

namespace einlass {

struct EventDatabase {
  Database db;
  EventConfig event;
  EventCalendar calendar;
};

std::expected<EventDatabase, AdminError> open_event_database(const std::filesystem::path& path);

// Every key that is not retired: what a kiosk provisioned now would trust.
std::expected<Keyring, AdminError> load_keyring(Database& db, EventId event);

// Generates a key pair and stores it under the next free id; from now on it signs new tickets.
std::expected<KeyId, AdminError> add_new_signing_key(Database& db, Timestamp created);

// The key that signs new tickets.
std::expected<std::pair<KeyId, SigningKey>, AdminError> load_signing_key(Database& db);

// "cannot read event.db: <what storage said>"
AdminError storage_failure(const std::filesystem::path& path, const StorageError& error);

}  // namespace einlass
