#pragma once
// The kiosk's hot path for one scanned code: verify, decide from the replica, and commit the
// admission with its print job durably before anyone sees a welcome or a badge.
#include <optional>
#include <string>
#include <string_view>

#include "core/replica.h"
#include "eventlog/hlc.h"
#include "rules/decide.h"
#include "storage/print_job_repository.h"

namespace einlass {

struct ScanOutcome {
  Decision decision;
  std::optional<EventKey> committed;    // the event stored for an admission or an exit
  std::optional<PrintJobId> print_job;  // set when a badge is to print
  // Storage refused the commit: the decision is turned into a refusal (reason error), since an
  // admission that is not on disk must not be shown.
  std::optional<std::string> failure;
};

class AdmissionDesk {
 public:
  // Resumes the kiosk's sequence numbers and clock stamps from the replica.
  static std::expected<AdmissionDesk, std::string> open(Replica& replica, Entrance entrance,
                                                        const Clock& clock);

  // The decision for a scanned code from the replica alone, with nothing stored yet: online, the
  // kiosk first claims an admission at the server (scenario 3), then concludes.
  struct Evaluation {
    Decision decision;
    bool holder_in_replica = false;
    std::optional<StorageError> failure;  // the replica could not be read
  };
  Evaluation evaluate(std::string_view code, Timestamp scan_time);
  // Commits an admission or exit with its print job; a refusal is returned as it is.
  ScanOutcome conclude(Evaluation evaluation);
  // evaluate + conclude, for a kiosk deciding alone.
  ScanOutcome scan(std::string_view code, Timestamp scan_time);
  // The server refused a claim because `kiosk` is admitting the same ticket right now.
  ScanOutcome refuse_claimed_elsewhere(Evaluation evaluation, const std::string& kiosk);
  // Keeps our clock stamps after every stamp received from other kiosks (scenario 23).
  void observe(Hlc remote) { hlc_.observe(remote, clock_.now()); }
  Hlc last_hlc() const { return hlc_.last(); }

  const Entrance& entrance() const { return entrance_; }

 private:
  AdmissionDesk(Replica& replica, Entrance entrance, const Clock& clock, std::uint64_t next_seq,
                Hlc last)
      : replica_(replica),
        entrance_(std::move(entrance)),
        clock_(clock),
        next_seq_(next_seq),
        hlc_(last) {}

  ScanOutcome commit(Decision decision, bool holder_in_replica);

  Replica& replica_;
  Entrance entrance_;
  const Clock& clock_;
  std::uint64_t next_seq_;
  HlcClock hlc_;
};

}  // namespace einlass
