#include "desk/prometheus_text.h"

#include <charconv>
#include <cmath>

namespace einlass::desk_detail {

namespace {

// Label values escape backslash, double quote and line feed; HELP text backslash and line feed.
std::string escaped(std::string_view text, bool quotes) {
  std::string out;
  for (const char c : text) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (c == '"' && quotes)
      out += "\\\"";
    else
      out += c;
  }
  return out;
}

}  // namespace

void PrometheusText::family(std::string_view name, std::string_view type, std::string_view help) {
  name_ = std::string(name);
  text_ += "# HELP " + name_ + " " + escaped(help, false) + "\n";
  text_ += "# TYPE " + name_ + " " + std::string(type) + "\n";
}

void PrometheusText::start_sample(std::string_view label, std::string_view label_value) {
  text_ += name_;
  if (!label.empty()) {
    text_ += '{';
    text_ += label;
    text_ += "=\"" + escaped(label_value, true) + "\"}";
  }
  text_ += ' ';
}

void PrometheusText::sample(std::int64_t value, std::string_view label,
                            std::string_view label_value) {
  start_sample(label, label_value);
  text_ += std::to_string(value) + "\n";
}

void PrometheusText::sample(double value, std::string_view label, std::string_view label_value) {
  start_sample(label, label_value);
  if (std::isnan(value)) {
    text_ += "NaN\n";
    return;
  }
  char buf[32];
  const auto [end, error] = std::to_chars(buf, buf + sizeof buf, value);
  text_.append(buf, error == std::errc{} ? end : buf);
  text_ += '\n';
}

}  // namespace einlass::desk_detail
