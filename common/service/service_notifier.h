#pragma once
// Tells systemd that a daemon (kiosk or server) is ready and still alive (sd_notify). Without
// systemd (a developer's shell, the tests) every call does nothing.
#include <chrono>
#include <optional>
#include <string_view>

namespace einlass {

class ServiceNotifier {
 public:
  // How often to send WATCHDOG=1: half the unit's WatchdogSec, or nullopt when not watched.
  std::optional<std::chrono::milliseconds> watchdog_interval() const;
  void ready() const;
  void alive() const;
  void stopping() const;
  // Free text for `systemctl status`: "admitting, printer ready".
  void status(std::string_view text) const;
};

}  // namespace einlass
