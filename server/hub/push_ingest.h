#pragma once
// Storing a kiosk's push: every event exactly once, then the alerts its
// tickets' merged history calls for (duplicates, admissions after revocation, reused sequence
// numbers). A push is always acknowledged once stored, so no kiosk is ever stuck on an event.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "hub/hub_error.h"
#include "storage/alert_repository.h"
#include "storage/database.h"
#include "sync/messages.h"

namespace einlass {

struct PushOutcome {
  Ack ack;                       // the push's kiosk and its lowest and highest seq
  std::size_t stored = 0;        // events that were new
  std::vector<NewAlert> alerts;  // alerts this push raised (new ones); alert_line() logs one
};

// The event's re-entry policy, which the merges of a push follow; read once per batch.
HubResult<ReentryPolicy> reentry_policy(Database& db);

// Runs inside the caller's transaction (no savepoint of its own: a savepoint makes SQLite journal
// every page each insert touches, which cost more than half the ingest rate). On an error the
// caller must roll back: some of the push may be written. `protocol` (and nothing written) when
// an event belongs to another kiosk than `kiosk_id`.
HubResult<PushOutcome> ingest_push(Database& db, const Clock& clock, ReentryPolicy policy,
                                   std::string_view kiosk_id, const Push& push);

}  // namespace einlass
