#include "indicator/gpio_indicator.h"

#include <gpiod.hpp>

#include <array>
#include <exception>
#include <mutex>

namespace einlass {

namespace {

constexpr std::array<std::string_view, 3> kOutputs = {"green", "red", "buzzer"};

std::unexpected<DeviceError> bad_uri(const DeviceUri& uri, const std::string& why) {
  return device_error(DeviceError::Kind::bad_uri, "indicator \"" + uri.text + "\": " + why);
}

class GpioIndicator final : public Indicator {
 public:
  // Lines in the order of kOutputs; an empty optional is an output that is not driven.
  GpioIndicator(std::string name, gpiod::chip chip, std::array<std::optional<gpiod::line>, 3> lines)
      : name_(std::move(name)), chip_(std::move(chip)), lines_(std::move(lines)) {}

  ~GpioIndicator() override {
    // A red light left on after the kiosk stopped would send people away; the level of a
    // released line is up to the driver, so switch off first.
    try {
      for (auto& line : lines_)
        if (line) line->set_value(0);
    } catch (const std::exception&) {
      // Nothing sensible to do while shutting down.
    }
  }

  DeviceResult<void> set(IndicatorLights lights) override {
    const std::lock_guard lock(mutex_);
    const std::array<bool, 3> values = {lights.green, lights.red, lights.buzzer};
    try {
      for (std::size_t i = 0; i < lines_.size(); ++i)
        if (lines_[i]) lines_[i]->set_value(values[i] ? 1 : 0);
    } catch (const std::exception& e) {
      return device_error(DeviceError::Kind::unavailable,
                          "indicator on GPIO chip " + name_ + ": " + e.what());
    }
    lights_ = lights;
    return {};
  }

  IndicatorLights current() const override {
    const std::lock_guard lock(mutex_);
    return lights_;
  }

  std::string describe() const override {
    std::string text = "GPIO lights on " + name_ + " (";
    const char* separator = "";
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (!lines_[i]) continue;
      text += separator + std::string(kOutputs[i]) + " " + std::to_string(lines_[i]->offset());
      separator = ", ";
    }
    return text + ")";
  }

 private:
  std::string name_;
  gpiod::chip chip_;
  std::array<std::optional<gpiod::line>, 3> lines_;
  mutable std::mutex mutex_;
  IndicatorLights lights_;
};

}  // namespace

DeviceResult<GpioIndicatorConfig> parse_gpio_indicator_uri(const DeviceUri& uri) {
  if (uri.scheme != "gpio") return bad_uri(uri, "not a GPIO indicator (expected gpio:)");
  if (!uri.host.empty() || uri.path.empty())
    return bad_uri(uri, "expected a GPIO chip, e.g. gpio:/dev/gpiochip0?green=17");
  for (const auto& [key, value] : uri.query)
    if (key != "green" && key != "red" && key != "buzzer" && key != "active_low")
      return bad_uri(uri,
                     "unknown option \"" + key + "\" (expected green, red, buzzer, active_low)");
  GpioIndicatorConfig config;
  config.chip = uri.path;
  std::array<std::optional<unsigned>*, 3> slots = {&config.green, &config.red, &config.buzzer};
  for (std::size_t i = 0; i < kOutputs.size(); ++i) {
    if (!uri.option(kOutputs[i])) continue;
    const auto offset = uri.int_option(kOutputs[i], 0, 0, 65535);
    if (!offset) return std::unexpected(offset.error());
    for (std::size_t j = 0; j < i; ++j)
      if (*slots[j] == static_cast<unsigned>(*offset))
        return bad_uri(uri, std::string(kOutputs[j]) + " and " + std::string(kOutputs[i]) +
                                " are both on line " + std::to_string(*offset));
    *slots[i] = static_cast<unsigned>(*offset);
  }
  if (!config.green && !config.red && !config.buzzer)
    return bad_uri(uri, "no output given; name at least one line, e.g. green=17");
  const auto active_low = uri.int_option("active_low", 0, 0, 1);
  if (!active_low) return std::unexpected(active_low.error());
  config.active_low = *active_low == 1;
  return config;
}

DeviceResult<std::unique_ptr<Indicator>> open_gpio_indicator(const GpioIndicatorConfig& config) {
  const auto fail = [&](DeviceError::Kind kind, const std::string& why) {
    return device_error(kind, "indicator on GPIO chip " + config.chip + ": " + why);
  };
  // libgpiod reports failures as exceptions; they end here.
  try {
    // By path when it is one, so that a missing chip fails with "no such file" rather than
    // with whatever the last of the lookup's guesses left in errno.
    gpiod::chip chip(config.chip, config.chip.starts_with('/') ? gpiod::chip::OPEN_BY_PATH
                                                               : gpiod::chip::OPEN_LOOKUP);
    gpiod::line_request request;
    request.consumer = "einlass";
    request.request_type = gpiod::line_request::DIRECTION_OUTPUT;
    if (config.active_low) request.flags = gpiod::line_request::FLAG_ACTIVE_LOW;
    const std::array<std::optional<unsigned>, 3> offsets = {config.green, config.red,
                                                            config.buzzer};
    std::array<std::optional<gpiod::line>, 3> lines;
    for (std::size_t i = 0; i < offsets.size(); ++i) {
      if (!offsets[i]) continue;
      if (*offsets[i] >= chip.num_lines())
        return fail(DeviceError::Kind::bad_uri,
                    "it has " + std::to_string(chip.num_lines()) + " lines, so no line " +
                        std::to_string(*offsets[i]) + " for " + std::string(kOutputs[i]));
      lines[i] = chip.get_line(*offsets[i]);
      lines[i]->request(request, 0);
    }
    return std::make_unique<GpioIndicator>(config.chip, std::move(chip), std::move(lines));
  } catch (const std::exception& e) {
    return fail(DeviceError::Kind::unavailable, e.what());
  }
}

}  // namespace einlass
