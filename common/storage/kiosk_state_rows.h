#pragma once
// Internal to einlass_storage: the kiosk_state updates that commit_admission makes inside its
// own transaction. Call inside guarded() and a write transaction.
#include "eventlog/admission_event.h"
#include "storage/database.h"

namespace einlass::storage_detail {

void raise_next_sequence(Database& db, std::uint64_t next);
void raise_last_hlc(Database& db, Hlc seen);

}  // namespace einlass::storage_detail
