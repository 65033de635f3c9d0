#pragma once
// The append-only log of admission events, identified by (kiosk id, sequence number). Storing an
// event that is already known is a no-op, so uploads and peer gossip can simply be repeated.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "eventlog/admission_event.h"
#include "storage/database.h"

namespace einlass {

// What a tolerant batch append did with each event.
struct AppendSummary {
  std::size_t added = 0;
  std::size_t known = 0;              // already stored with the same content
  std::vector<EventKey> conflicting;  // known key, different content: skipped, not stored
  bool operator==(const AppendSummary&) const = default;
};

class AdmissionLog {
 public:
  // The clock stamps received_at (when this database learnt of the event).
  AdmissionLog(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // true = newly stored, false = already known with the same content. A known key with
  // different content is Kind::constraint (a kiosk reused a sequence number).
  StorageResult<bool> append(const AdmissionEvent& event);
  // One transaction; returns how many were new. Any refused event leaves the log unchanged.
  StorageResult<std::size_t> append_batch(std::span<const AdmissionEvent> events);

  // Like append_batch, but an event whose key is known with different content is skipped and
  // listed instead of refusing the batch: a peer's one bad event must not block every later
  // one. Joins the caller's transaction if one is open.
  StorageResult<AppendSummary> append_skipping_conflicts(std::span<const AdmissionEvent> events);

  // `kiosk_id`'s events with a sequence number above `after`, by sequence number, at most
  // `limit` (a range of the primary key: cheap however long the log).
  StorageResult<std::vector<AdmissionEvent>> events_of_kiosk_after(std::string_view kiosk_id,
                                                                   std::uint64_t after,
                                                                   std::size_t limit);
  StorageResult<std::uint64_t> count_of_kiosk_after(std::string_view kiosk_id, std::uint64_t after);
  // 0 when the log holds none of the kiosk's events.
  StorageResult<std::uint64_t> highest_seq_of_kiosk(std::string_view kiosk_id);

  // Ordered by hybrid logical clock, then kiosk id and sequence number.
  StorageResult<std::vector<AdmissionEvent>> events_for_ticket(TicketId id);
  StorageResult<std::vector<AdmissionEvent>> all();
  StorageResult<std::int64_t> count();

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace einlass
