#pragma once
// `zpl://host:9100?dpi=300`: a Zebra-compatible label printer on a raw TCP port. The badge is
// rendered at the printer's resolution and sent as ZPL II (zpl_encoder.h).
#include <chrono>
#include <string>

#include "device/printer.h"

namespace einlass {

struct ZplPrinterSettings {
  std::string host;
  int port = 9100;
  int dpi = 300;  // the printer's: 203, 300 or 600; it overrides BadgeLayout::dpi
  std::chrono::milliseconds connect_timeout{3000};
  std::chrono::milliseconds send_timeout{10000};
  std::chrono::milliseconds status_timeout{1500};
  // Ask ~HS before each label and in status(). Off for printers that speak ZPL without answering
  // it; they are then "ready" whenever they accept a connection.
  bool query_status = true;
};

class ZplPrinter final : public Printer {
 public:
  explicit ZplPrinter(ZplPrinterSettings settings) : settings_(std::move(settings)) {}

  // Connects, asks ~HS (a printer out of paper, paused or open gets no label), sends the label
  // and waits briefly for the printer to close its side. Unreachable -> offline.
  std::expected<void, PrintFault> print(const Badge& badge, const BadgeLayout& layout,
                                        const std::string& job_name) override;
  PrinterStatus status() override;
  std::string describe() const override;

 private:
  ZplPrinterSettings settings_;
};

}  // namespace einlass
