#pragma once
// The figures of a morning and the summary printed at its end: what was planned and done, the
// faults as they struck, the time from a frame arriving to the badge job accepted by the printer,
// and every count the dashboard shows beside the truth.
#include <string>
#include <vector>

#include "soak/observations.h"
#include "soak/truth_ledger.h"

namespace einlass::test {

struct Percentiles {
  std::size_t n = 0;
  double p50 = 0;
  double p99 = 0;
  double max = 0;
};
// Nearest rank: p50 of 1..100 is 50, p99 is 99.
Percentiles percentiles(std::vector<double> values);

// Frame written into the scanner folder -> badge accepted by the printer, in milliseconds, per
// admission. A file printer has the job when its PDF exists (the file's time); the IPP printer
// when its spool holds the job's document (the spool file's time). Admissions whose kiosk was
// killed while they were in hand, or whose printer had no paper (their badge is the desk's
// reprint), are kept apart.
struct FrameToBadge {
  std::vector<double> all;         // neither of those
  std::vector<double> file;        // of `all`: K1..K3
  std::vector<double> ipp;         // of `all`: K4
  std::vector<double> ipp_log;     // K4 again, to the kiosk's "done" log line instead
  std::vector<double> kiosk_dead;  // killed while this admission's badge was in hand
  std::vector<double> paper_out;   // to the desk's reprint
  std::size_t without_badge = 0;   // admissions with no badge to time
};
FrameToBadge frame_to_badge(const TruthLedger& truth, const Observations& seen);

struct RunTimes {
  std::string mode;  // "short" or "full"
  double setup_s = 0;
  double morning_s = 0;      // first step to last, as run
  double slip_s = 0;         // how far the schedule moved while the driver waited
  double convergence_s = 0;  // after the last step, until the records agreed
  double checks_s = 0;
  double total_s = 0;
};

std::string morning_summary(const TruthLedger& truth, const Observations& seen,
                            const std::vector<std::string>& differences, const RunTimes& times);

}  // namespace einlass::test
