#pragma once
// Lights and buzzer on GPIO lines ("gpio:/dev/gpiochip0?green=17&red=27&buzzer=22"), driven
// through the GPIO character device with libgpiod.
#include <memory>
#include <optional>
#include <string>

#include "device/device_uri.h"
#include "device/indicator.h"

namespace einlass {

struct GpioIndicatorConfig {
  std::string chip;  // "/dev/gpiochip0", or a chip name such as "gpiochip0"
  // Line offsets on that chip; an absent output is not driven.
  std::optional<unsigned> green;
  std::optional<unsigned> red;
  std::optional<unsigned> buzzer;
  // For relay boards that switch on a low level ("active_low=1").
  bool active_low = false;
  bool operator==(const GpioIndicatorConfig&) const = default;
};

// Errors (bad_uri) name the problem: no output given, an offset that is not a number, two
// outputs on one line, an unknown option, a host.
DeviceResult<GpioIndicatorConfig> parse_gpio_indicator_uri(const DeviceUri& uri);

// Requests the lines as outputs (consumer "einlass"), all off. Errors: unavailable naming the
// chip when it is missing or a line is taken by another program, bad_uri when the chip has no
// such line.
DeviceResult<std::unique_ptr<Indicator>> open_gpio_indicator(const GpioIndicatorConfig& config);

}  // namespace einlass
