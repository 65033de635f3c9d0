#pragma once
// What the system says happened, read after the morning from its own records: every kiosk's log
// and replica, the server's database, the badge files and the IPP printer's spool, and the
// dashboard API. Plain data, so the checker can be tested with made-up records.
#include <array>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "soak/truth_ledger.h"

namespace einlass::test {

struct ObservedDecision {
  std::string ticket;   // "T000042"; empty when the log says null (a code that is no ticket)
  std::string verdict;  // "admitted", "refused", "exit"
  std::string reason;   // empty when null
  int run = 0;          // 0 for the daemon's first start, 1 after its first restart, ...
};

struct ObservedPrint {
  std::string ticket;
  std::int64_t job = 0;
  int reprint = 0;
  int attempt = 0;
  std::string state;  // "printing", "done", "failed"
  std::string detail;
  UnixMs time = 0;  // the kiosk's clock
};

struct AdmissionRow {
  std::string kiosk;
  std::int64_t seq = 0;
  std::int64_t ticket = 0;
  std::string kind;
  auto operator<=>(const AdmissionRow&) const = default;
};

// One badge that came out: a PDF in a file printer's folder or in the IPP printer's spool.
struct BadgeCopy {
  std::string kiosk;
  std::int64_t seq = 0;
  int reprint = 0;
  int attempt = 0;
  std::string file;
  UnixMs accepted = 0;  // when the file was written: the printer had the job
  std::string text;     // the PDF's text
};

struct KioskRecord {
  std::vector<ObservedDecision> decisions;  // in log order
  int runs = 0;                             // "started" lines
  std::vector<ObservedPrint> prints;
  std::vector<AdmissionRow> replica;
  std::map<std::string, std::int64_t> print_jobs;  // state -> jobs in the replica
  std::vector<std::string> waiting_frames;         // still in the scanner folder
};

struct Observations {
  std::array<KioskRecord, kVenueKiosks> kiosks;
  std::vector<AdmissionRow> server;
  std::vector<BadgeCopy> badges;
  nlohmann::json summary;               // GET /api/v1/summary
  nlohmann::json alerts;                // GET /api/v1/alerts: the open ones
  nlohmann::json kiosk_list;            // GET /api/v1/kiosks
  std::vector<std::string> unreadable;  // records that could not be read, and why
  bool badge_texts = true;              // the badges' texts were read (marks and names checked)
};

}  // namespace einlass::test
