#pragma once
// What an IPP printer's printer-state and printer-state-reasons mean for the kiosk. Pure, so the
// mapping is tested for reasons a test printer cannot produce.
#include <string>
#include <vector>

#include "device/printer.h"

namespace einlass {

struct IppPrinterAttributes {
  int state = 3;                     // printer-state: 3 idle, 4 processing, 5 stopped
  std::vector<std::string> reasons;  // printer-state-reasons, e.g. "media-empty-error"
  std::string message;               // printer-state-message
  bool accepting_jobs = true;        // printer-is-accepting-jobs
};

// Reasons count with any severity suffix (-error, -warning, -report). In order: offline,
// shutdown, timed-out or connecting-to-device -> offline; media-empty or media-needed ->
// media_empty; stopped (paused -> offline), not accepting jobs or another "-error" reason ->
// error; processing -> printing; else ready. The detail lists the printer's reasons.
PrinterStatus map_ipp_printer_state(const IppPrinterAttributes& attributes);

}  // namespace einlass
