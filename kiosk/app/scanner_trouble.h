#pragma once
// What the kiosk's heartbeat says about its scanners. A passing problem (a camera unplugged, a
// bad frame) counts until one heartbeat has reported it; a scanner whose URI is wrong never
// scans again, so it is reported in every heartbeat until the config is fixed.
#include <map>
#include <string>

#include "device/device_error.h"
#include "sync/messages.h"

namespace einlass {

class ScannerTrouble {
 public:
  void note(const std::string& uri, const DeviceError& problem);

  struct Report {
    ScannerHealth health = ScannerHealth::ok;
    std::string detail;  // "URI: message"; a broken scanner's first
  };
  // The report for one heartbeat; passing problems are forgotten after it.
  Report report();

 private:
  std::map<std::string, std::string> broken_;  // URI -> why it can never work
  std::string passing_;                        // the latest passing problem, if any
};

}  // namespace einlass
