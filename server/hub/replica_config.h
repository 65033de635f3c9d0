#pragma once
// The event as a kiosk needs it, gathered from the server database: the config, the public keys
// of the keys that are not retired, the revoked staff cards. What a snapshot starts with and what
// a config change resends; kiosk provisioning copies the same into a new replica.
#include "hub/hub_error.h"
#include "storage/database.h"
#include "sync/messages.h"

namespace einlass {

// `invalid` when the database holds no event yet.
HubResult<ReplicaConfig> load_replica_config(Database& db);

}  // namespace einlass
