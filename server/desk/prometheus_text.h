#pragma once
// Internal to einlass_desk: the Prometheus text exposition format 0.0.4, written family by
// family (each with its # HELP and # TYPE lines).
#include <cstdint>
#include <string>
#include <string_view>

namespace einlass::desk_detail {

class PrometheusText {
 public:
  // Starts a metric family; `type` is "counter" or "gauge".
  void family(std::string_view name, std::string_view type, std::string_view help);
  // One sample of the current family; an empty label name means none.
  void sample(std::int64_t value, std::string_view label = {}, std::string_view label_value = {});
  void sample(double value, std::string_view label = {}, std::string_view label_value = {});

  const std::string& text() const { return text_; }

 private:
  void start_sample(std::string_view label, std::string_view label_value);
  std::string text_;
  std::string name_;
};

}  // namespace einlass::desk_detail
