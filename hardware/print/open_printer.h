#pragma once
// Printers by URI (device_uri.h):
//   file:/folder                       PDF and PNG per badge
//   ipp://host[:631]/ipp/print         options: connect_timeout_ms, request_timeout_ms,
//                                      job_timeout_ms, poll_ms
//   zpl://host[:9100]                  options: dpi (203, 300, 600), status (on, off),
//                                      connect_timeout_ms, send_timeout_ms, status_timeout_ms
#include <memory>

#include "device/device_uri.h"
#include "device/printer.h"

namespace einlass {

// Opening does not touch the device: a printer that is off at start-up still opens and reports
// itself offline. Errors (bad_uri) name the URI and what is wrong with it.
DeviceResult<std::unique_ptr<Printer>> open_printer(const DeviceUri& uri);

}  // namespace einlass
