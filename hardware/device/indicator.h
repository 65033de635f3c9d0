#pragma once
// Lights and buzzer beside the scanner: green for welcome, red (and a beep) for a refusal.
#include <string>

#include "device/device_error.h"

namespace einlass {

struct IndicatorLights {
  bool green = false;
  bool red = false;
  bool buzzer = false;
  bool operator==(const IndicatorLights&) const = default;
};

class Indicator {
 public:
  virtual ~Indicator() = default;
  // Sets the outputs now; the kiosk switches them off again with a timer.
  virtual DeviceResult<void> set(IndicatorLights lights) = 0;
  virtual IndicatorLights current() const = 0;
  virtual std::string describe() const = 0;
};

}  // namespace einlass
