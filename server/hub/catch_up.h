#pragma once
// What a kiosk is sent after a pull, and whenever something changes: the changes since its cursor,
// or a whole snapshot when its cursor is missing, foreign, beyond the newest change or too far
// behind to be worth replaying.
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "hub/change_splitter.h"
#include "hub/hub_error.h"
#include "storage/database.h"

namespace einlass {

// A cursor more than this many sync_log rows behind gets a snapshot instead of the changes.
inline constexpr std::int64_t kMaxChangesBehind = 20'000;

// Empty when nothing happened after the cursor. Otherwise the messages in order: each `changes`
// message's cursor is the last sync_log id it covers; a snapshot's parts are read in one read
// transaction and only the last carries the cursor. `kiosk_id`'s own admissions are never
// echoed in changes (the snapshot carries every admission: a re-provisioned kiosk needs its
// own back).
HubResult<std::vector<OutgoingChanges>> catch_up(Database& db, const Clock& clock,
                                                 std::string_view kiosk_id,
                                                 std::string_view cursor);

}  // namespace einlass
