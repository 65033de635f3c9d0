// There is no GPIO chip on the test machine (and no gpio-sim module), so the GPIO indicator is
// tested on its URI and on how it reports a missing chip.
#include "indicator/gpio_indicator.h"

#include <catch2/catch.hpp>

#include "indicator/open_indicator.h"

using einlass::DeviceError;
using einlass::GpioIndicatorConfig;
using einlass::parse_device_uri;
using einlass::parse_gpio_indicator_uri;

namespace {

einlass::DeviceResult<GpioIndicatorConfig> parse(const std::string& text) {
  const auto uri = parse_device_uri(text);
  REQUIRE(uri.has_value());
  return parse_gpio_indicator_uri(*uri);
}

}  // namespace

TEST_CASE("gpio: the URI names the chip and the line of each output", "[indicator][gpio]") {
  const auto all = parse("gpio:/dev/gpiochip0?green=17&red=27&buzzer=22");
  REQUIRE(all.has_value());
  CHECK(
      *all ==
      GpioIndicatorConfig{
          .chip = "/dev/gpiochip0", .green = 17u, .red = 27u, .buzzer = 22u, .active_low = false});
  const auto red_only = parse("gpio:gpiochip2?red=0&active_low=1");
  REQUIRE(red_only.has_value());
  CHECK(*red_only == GpioIndicatorConfig{.chip = "gpiochip2",
                                         .green = std::nullopt,
                                         .red = 0u,
                                         .buzzer = std::nullopt,
                                         .active_low = true});
}

TEST_CASE("gpio: URI errors name what is wrong", "[indicator][gpio]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"gpio:/dev/gpiochip0", "no output"},
      {"gpio:/dev/gpiochip0?active_low=1", "no output"},
      {"gpio:/dev/gpiochip0?green=17&red=17", "green and red are both on line 17"},
      {"gpio:/dev/gpiochip0?red=5&buzzer=5", "red and buzzer are both on line 5"},
      {"gpio:/dev/gpiochip0?green=seventeen", "\"green\""},
      {"gpio:/dev/gpiochip0?green=-1", "\"green\""},
      {"gpio:/dev/gpiochip0?green=70000", "\"green\""},
      {"gpio:/dev/gpiochip0?green=", "\"green\""},
      {"gpio:/dev/gpiochip0?gren=17", "\"gren\""},
      {"gpio:/dev/gpiochip0?green=1&active_low=yes", "\"active_low\""},
      {"gpio://pi/dev/gpiochip0?green=1", "expected a GPIO chip"},
      {"gpio:?green=1", "expected a GPIO chip"},
      {"sim:x?green=1", "not a GPIO indicator"},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    const auto config = parse(text);
    REQUIRE_FALSE(config.has_value());
    CHECK(config.error().kind == DeviceError::Kind::bad_uri);
    CHECK_THAT(config.error().message, Catch::Contains(expected));
  }
}

TEST_CASE("gpio: a missing chip is unavailable and named", "[indicator][gpio]") {
  for (const std::string chip : {"/dev/gpiochip-einlass-missing", "gpiochip-einlass-missing"}) {
    INFO(chip);
    const auto uri = parse_device_uri("gpio:" + chip + "?green=17&red=27");
    REQUIRE(uri.has_value());
    const auto indicator = einlass::open_indicator(*uri);
    REQUIRE_FALSE(indicator.has_value());
    CHECK(indicator.error().kind == DeviceError::Kind::unavailable);
    CHECK_THAT(indicator.error().message, Catch::Contains(chip));
  }
}

TEST_CASE("gpio: a URI error comes before any device is touched", "[indicator][gpio]") {
  const auto uri = parse_device_uri("gpio:/dev/gpiochip-einlass-missing");
  REQUIRE(uri.has_value());
  const auto indicator = einlass::open_indicator(*uri);
  REQUIRE_FALSE(indicator.has_value());
  CHECK(indicator.error().kind == DeviceError::Kind::bad_uri);
}
