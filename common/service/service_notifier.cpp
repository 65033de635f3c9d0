#include "service/service_notifier.h"

#include <systemd/sd-daemon.h>

#include <string>

namespace einlass {

std::optional<std::chrono::milliseconds> ServiceNotifier::watchdog_interval() const {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return std::nullopt;
  return std::chrono::milliseconds(usec / 2000);
}

void ServiceNotifier::ready() const {
  sd_notify(0, "READY=1");
}

void ServiceNotifier::alive() const {
  sd_notify(0, "WATCHDOG=1");
}

void ServiceNotifier::stopping() const {
  sd_notify(0, "STOPPING=1");
}

void ServiceNotifier::status(std::string_view text) const {
  sd_notify(0, ("STATUS=" + std::string(text)).c_str());
}

}  // namespace einlass
