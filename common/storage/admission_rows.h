#pragma once
// Internal to einlass_storage: admission_events rows, shared by AdmissionLog and the kiosk's
// commit of an admission with its print job. Call inside guarded().
#include "base/time.h"
#include "eventlog/admission_event.h"
#include "storage/database.h"

namespace einlass::storage_detail {

enum class OnKnownKey {
  ignore_if_identical,  // sync: the same event arriving twice is stored once
  refuse,               // a kiosk's own new event: a used (kiosk, seq) would lose an admission
};

// Stores the event; true if it was new. An event whose key is known with different content is
// always refused (Kind::constraint): two different facts under one key mean a kiosk reused
// sequence numbers, and silently keeping one would drop the other.
bool insert_admission_event(Database& db, const AdmissionEvent& event, Timestamp received_at,
                            OnKnownKey on_known);

}  // namespace einlass::storage_detail
