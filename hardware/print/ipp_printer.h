#pragma once
// `ipp://host:631/ipp/print`: an IPP Everywhere printer (or a CUPS queue) reached with libcups,
// no local cupsd needed. The badge goes as a one-page PDF.
#include <chrono>
#include <string>

#include "device/printer.h"

namespace einlass {

struct IppPrinterSettings {
  std::string host;
  int port = 631;
  std::string resource = "/ipp/print";
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds request_timeout{10000};  // one IPP request and its answer
  std::chrono::milliseconds job_timeout{30000};      // submission until the job completed
  std::chrono::milliseconds poll_interval{200};
};

class IppPrinter final : public Printer {
 public:
  explicit IppPrinter(IppPrinterSettings settings);

  // Checks the printer's state (no job goes to a printer without media), submits Print-Job and
  // polls the job until it is completed. A job that is aborted or canceled, or does not complete
  // within job_timeout, is a fault; a job that ran out of time is canceled so that it cannot come
  // out later beside the replacement the desk prints.
  std::expected<void, PrintFault> print(const Badge& badge, const BadgeLayout& layout,
                                        const std::string& job_name) override;
  // Get-Printer-Attributes mapped by map_ipp_printer_state; unreachable -> offline.
  PrinterStatus status() override;
  std::string describe() const override;

 private:
  IppPrinterSettings settings_;
  std::string uri_;
};

}  // namespace einlass
