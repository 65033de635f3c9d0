#include "admin/event_database.h"

#include "storage/event_repository.h"
#include "storage/key_repository.h"

namespace einlass {

AdminError storage_failure(const std::filesystem::path& path, const StorageError& error) {
  return {path.string() + ": " + error.message};
}

std::expected<EventDatabase, AdminError> open_event_database(const std::filesystem::path& path) {
  auto db = Database::open_existing(path, DatabaseKind::server);
  if (!db) return std::unexpected(storage_failure(path, db.error()));
  auto event = EventRepository{*db}.load();
  if (!event) return std::unexpected(storage_failure(path, event.error()));
  if (!*event) {
    return std::unexpected(
        AdminError{path.string() + ": holds no event yet; create one with 'einlass-admin init'"});
  }
  auto calendar = EventCalendar::create(**event);
  if (!calendar) return std::unexpected(AdminError{path.string() + ": " + calendar.error()});
  return EventDatabase{std::move(*db), std::move(**event), std::move(*calendar)};
}

std::expected<Keyring, AdminError> load_keyring(Database& db, EventId event) {
  auto keyring = KeyRepository{db}.keyring(event);
  if (!keyring) return std::unexpected(storage_failure(db.path(), keyring.error()));
  return std::move(*keyring);
}

std::expected<KeyId, AdminError> add_new_signing_key(Database& db, Timestamp created) {
  KeyRepository keys{db};
  auto id = keys.next_free_key_id();
  if (!id) return std::unexpected(storage_failure(db.path(), id.error()));
  const auto key = SigningKey::generate();
  if (auto added = keys.add_signing_key(*id, key.to_pem(), key.public_key(), created); !added) {
    return std::unexpected(storage_failure(db.path(), added.error()));
  }
  return *id;
}

std::expected<std::pair<KeyId, SigningKey>, AdminError> load_signing_key(Database& db) {
  auto stored = KeyRepository{db}.current_signing_key();
  if (!stored) return std::unexpected(storage_failure(db.path(), stored.error()));
  if (!*stored) {
    return std::unexpected(AdminError{db.path().string() +
                                      ": no active signing key; add one with 'einlass-admin keys "
                                      "rotate'"});
  }
  auto key = SigningKey::from_pem((*stored)->private_pem);
  if (!key) {
    return std::unexpected(AdminError{db.path().string() + ": signing key " +
                                      std::to_string((*stored)->id) + ": " + key.error()});
  }
  return std::pair{(*stored)->id, std::move(*key)};
}

}  // namespace einlass
