#pragma once
// The truth of the morning: the plan and what the driver actually did with it (which frame went
// into which scanner folder when, when each fault struck and ended, which badges the desk
// reprinted). The checker compares the system's records with this and nothing else.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "soak/venue_plan.h"

namespace einlass::test {

// Unix milliseconds of the real (not faked) clock.
using UnixMs = std::int64_t;
UnixMs unix_now_ms();

// One frame in a scanner folder.
struct Drop {
  int scan = 0;
  int kiosk = 0;
  std::string frame;  // file name in the folder
  UnixMs at = 0;
  // What was going on when the frame arrived.
  bool paper_out = false;    // the kiosk's printer had no paper
  bool kiosk_dead = false;   // the kiosk was killed and not yet restarted
  bool cut_off = false;      // the kiosk's link was cut
  bool server_down = false;  // the server was killed and not yet restarted
};

struct FaultRecord {
  UnixMs started = 0;
  UnixMs confirmed = 0;  // the system noticed (kiosk offline, printer status, victim printing)
  UnixMs ended = 0;
  std::string detail;  // what the injector saw, for the summary
};

struct WaitRecord {
  int scan = 0;
  std::string what;
  double seconds = 0;
  bool met = true;
};

class TruthLedger {
 public:
  explicit TruthLedger(const Plan& plan);

  const Plan& plan() const { return plan_; }

  // The driver's view while the morning runs.
  void doors_opened(UnixMs at) { doors_ = at; }
  UnixMs doors() const { return doors_; }
  void fault_started(int fault, UnixMs at);
  void fault_confirmed(int fault, UnixMs at, std::string detail = {});
  void fault_ended(int fault, UnixMs at, std::string detail = {});
  bool active(FaultKind kind, int kiosk = -1) const;
  void dropped(int scan, int kiosk, std::string frame, UnixMs at);
  void waited(int scan, std::string what, double seconds, bool met);
  void reprinted(int ticket, int kiosk, UnixMs at);
  void note(std::string line) { notes_.push_back(std::move(line)); }
  // For `--sabotage truth` only: the ledger loses the first admitted attendee's frame, so the
  // checker must find records the truth does not explain.
  void forget_first_admission();

  const std::vector<Drop>& drops() const { return drops_; }
  const std::vector<FaultRecord>& faults() const { return faults_; }
  const std::vector<WaitRecord>& waits() const { return waits_; }
  const std::vector<std::string>& notes() const { return notes_; }
  // The desk's reprints: ticket -> kiosk.
  const std::map<int, int>& reprints() const { return reprints_; }

  // What follows from the plan and the drops.
  // Admission events each ticket must have on the server (a duplicate has two).
  std::map<int, int> expected_admissions() const;
  // Tickets admitted at least once: what "admitted today" counts.
  std::set<int> admitted_tickets() const;
  // Tickets whose second admission must raise a duplicate alert.
  std::multiset<int> duplicate_tickets() const;
  // Admissions whose first badge cannot print (their kiosk's printer was out of paper): the
  // desk reprints them.
  std::set<int> paper_out_tickets() const;
  // Registrations still active (neither cancelled).
  int active_registrations() const;
  const Person& person(int ticket) const {
    return plan_.people.at(static_cast<std::size_t>(ticket - 1));
  }

 private:
  Plan plan_;
  std::vector<Drop> drops_;
  std::vector<FaultRecord> faults_;
  std::vector<WaitRecord> waits_;
  std::vector<std::string> notes_;
  std::map<int, int> reprints_;
  UnixMs doors_ = 0;
};

}  // namespace einlass::test
