#pragma once
// Carries out the plan's faults on the rig and writes down in the ledger when each struck, when
// the system noticed and when it ended:
//   paper_out    K4's printer reports an empty tray (the ippeveprinter's media page set to 0
//                sheets, and its "media-empty" file for any job that still runs); refilled at the
//                end. K4 is idle at both switches, so every badge is known to fall before or after.
//   server_kill  SIGKILL; einlass-server restarted on the same port at the end.
//   link_cut     the proxies of K2 and K3 close every connection and refuse new ones; healed.
//   kiosk_kill   K4 prints the victim's badge slowly (the printer's "slow" file: three seconds a
//                job); once the printer holds the job, SIGKILL; restarted at the end, after the
//                printer finished that job.
#include <string>

#include "soak/truth_ledger.h"
#include "soak/venue_rig.h"

namespace einlass::test {

class FaultInjector {
 public:
  FaultInjector(VenueRig& rig, TruthLedger& ledger) : rig_(rig), ledger_(ledger) {}

  void start(int fault);
  void end(int fault);
  // Before the kiosk kill's victim scans: K4 idle, its printer slow.
  void prepare_victim(int fault);

  // Waits until kiosk `k` has taken every frame and finished every print job. False on timeout.
  bool quiet(int k, std::chrono::seconds timeout);
  // The IPP printer's printer-state-reasons, as ipptool reads them.
  std::string printer_reasons();

 private:
  void set_paper(bool loaded);
  std::size_t spooled_badges();

  VenueRig& rig_;
  TruthLedger& ledger_;
  std::size_t spool_before_kill_ = 0;
  std::size_t prints_before_kill_ = 0;
  UnixMs killed_at_ = 0;
};

}  // namespace einlass::test
