#pragma once
// Compares what the system recorded with the truth and lists every difference in words a person
// can act on. Pure: records in, sentences out.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "soak/observations.h"
#include "soak/truth_ledger.h"

namespace einlass::test {

// "T000042" for 42.
std::string ticket_code(std::int64_t ticket);

// Which logged decision belongs to which frame. Each kiosk decides its frames in the order they
// arrived, one decision each, so a kiosk's decisions are matched to its frames in order: a
// decision naming a ticket takes the first open frame of that ticket's code, a decision without
// one (a code that is no ticket) the first open frame of a forged or foreign code.
struct Matching {
  std::vector<int> decision;  // per ledger drop: the index into its kiosk's decisions, or -1
  std::vector<std::string> unmatched;  // decisions no frame explains
};
Matching match_decisions(const TruthLedger& truth, const Observations& seen);

// Refusals the dashboard must show: every refusal the kiosks decided since their last start (a
// kiosk's counts start afresh with the daemon), by reason, from the plan's expectations.
std::map<std::string, std::int64_t> expected_refusals(const TruthLedger& truth,
                                                      const Observations& seen,
                                                      const Matching& matching);

// The server's admission row for scan `scan` (its kiosk and ticket), if it has one.
std::optional<AdmissionRow> admission_of(const TruthLedger& truth, const Observations& seen,
                                         int scan);

// Every difference between the records and the truth; empty when the morning went right.
std::vector<std::string> check_morning(const TruthLedger& truth, const Observations& seen);

}  // namespace einlass::test
