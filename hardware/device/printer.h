#pragma once
// A badge printer. The kiosk hands it a badge; the driver renders it in its own format (PDF for
// file: and ipp:, ZPL for zpl:) and reports what the printer did.
#include <string>

#include "badge/badge.h"
#include "device/device_error.h"

namespace einlass {

enum class PrinterState {
  ready,
  printing,
  media_empty,  // out of paper or labels
  offline,      // unreachable or stopped
  error,        // anything else; the detail says what
};

struct PrinterStatus {
  PrinterState state = PrinterState::ready;
  std::string detail;  // the printer's own words where it gives them ("media-empty-error")
};

struct PrintFault {
  PrinterState state = PrinterState::error;  // media_empty, offline or error
  std::string message;
};

class Printer {
 public:
  virtual ~Printer() = default;
  // Sends one badge and waits until the printer has accepted it (a completed job where the
  // printer reports that within its timeout). `job_name` ("badge K1-000042 r0") names the job
  // in the printer's queue and in file names.
  virtual std::expected<void, PrintFault> print(const Badge& badge, const BadgeLayout& layout,
                                                const std::string& job_name) = 0;
  virtual PrinterStatus status() = 0;
  virtual std::string describe() const = 0;
};

std::string_view to_string(PrinterState state);

}  // namespace einlass
