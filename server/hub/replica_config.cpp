#include "hub/replica_config.h"

#include "storage/event_repository.h"
#include "storage/key_repository.h"
#include "storage/staff_card_repository.h"

namespace einlass {

HubResult<ReplicaConfig> load_replica_config(Database& db) {
  ReplicaConfig config;
  auto event = EventRepository(db).load();
  if (!event) return storage_error(event.error());
  if (!*event) return hub_error(HubError::Kind::invalid, db.path().string() + " holds no event");
  config.event = std::move(**event);

  auto keys = KeyRepository(db).keys();
  if (!keys) return storage_error(keys.error());
  for (const auto& key : *keys)
    if (!key.retired()) config.keys.push_back({key.id, key.public_key});

  auto cards = StaffCardRepository(db).revoked();
  if (!cards) return storage_error(cards.error());
  for (const auto& card : *cards) config.revoked_staff_cards.push_back({card.id, card.revoked_at});
  return config;
}

}  // namespace einlass
