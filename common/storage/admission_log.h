#pragma once
// The append-only log of admission events, identified by (kiosk id, sequence number). Storing an
// event that is already known is a no-op, so uploads and peer gossip can simply be repeated.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "base/time.h"
#include "eventlog/admission_event.h"
#include "storage/database.h"

namespace einlass {

class AdmissionLog {
 public:
  // The clock stamps received_at (when this database learnt of the event).
  AdmissionLog(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // true = newly stored, false = already known with the same content. A known key with
  // different content is Kind::constraint (a kiosk reused a sequence number).
  StorageResult<bool> append(const AdmissionEvent& event);
  // One transaction; returns how many were new. Any refused event leaves the log unchanged.
  StorageResult<std::size_t> append_batch(std::span<const AdmissionEvent> events);

  // Ordered by hybrid logical clock, then kiosk id and sequence number.
  StorageResult<std::vector<AdmissionEvent>> events_for_ticket(TicketId id);
  StorageResult<std::vector<AdmissionEvent>> all();
  StorageResult<std::int64_t> count();

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace einlass
