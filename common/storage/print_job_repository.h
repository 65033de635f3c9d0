#pragma once
// The kiosk's print jobs. An admission and its badge's print job are committed together, before
// the kiosk shows or prints anything; after a crash the printer worker finds the unfinished jobs
// and resumes them (attempts tells it a badge may already have come out).
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "eventlog/admission_event.h"
#include "storage/database.h"

namespace einlass {

using PrintJobId = std::int64_t;

enum class PrintJobState {
  queued,    // committed, not yet sent to the printer
  printing,  // sent (attempts counts how often); not known to have come out
  done,
  failed,  // given up; staff reprint from the desk
};

std::string_view to_string(PrintJobState state);

struct PrintJob {
  PrintJobId id = 0;
  EventKey admission;      // the admission event the badge is for
  TicketId ticket_id = 0;  // that event's ticket
  PrintJobState state = PrintJobState::queued;
  int attempts = 0;
  int reprint = 0;  // 0: first badge; 1, 2, ...: marked as a reprint
  Timestamp created{};
  Timestamp updated{};
  bool operator==(const PrintJob&) const = default;
};

class PrintJobRepository {
 public:
  // The clock stamps created/updated.
  PrintJobRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Kiosk. In one durable transaction: the kiosk's own new admission event, a queued print job
  // for it, and the kiosk state (next sequence number past the event's, last HLC). An event
  // whose (kiosk, seq) is already stored is refused (Kind::constraint), never ignored.
  StorageResult<PrintJobId> commit_admission(const AdmissionEvent& event);
  // Kiosk. The kiosk's own event that prints nothing (an exit scan), committed the same way:
  // event and kiosk state in one durable transaction.
  StorageResult<void> commit_without_badge(const AdmissionEvent& event);

  // Kiosk. A reprint asked for by staff: the next reprint number for the admission (1 after the
  // first badge), counting copies a resumed job marked as reprints too (make_badge labels attempt
  // n of reprint r as r + n - 1), so no two copies carry the same number. Fails for an unknown
  // admission.
  StorageResult<PrintJob> add_reprint(const EventKey& admission);

  // The worker sends the job to the printer: state printing, attempts + 1.
  StorageResult<void> start_attempt(PrintJobId id);
  StorageResult<void> finish(PrintJobId id, PrintJobState final_state);

  StorageResult<std::optional<PrintJob>> find(PrintJobId id);
  // queued and printing jobs, oldest first: what to resume after a restart.
  StorageResult<std::vector<PrintJob>> unfinished();
  // How many jobs are in each state (states without a job are left out), for the heartbeat.
  StorageResult<std::map<PrintJobState, std::uint64_t>> counts_by_state();

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace einlass
