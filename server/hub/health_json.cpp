#include "hub/health_json.h"

#include <array>
#include <nlohmann/json.hpp>
#include <utility>

namespace einlass {

namespace {

constexpr std::array<std::pair<PrinterHealth, std::string_view>, 5> kPrinter{{
    {PrinterHealth::ok, "ok"},
    {PrinterHealth::paper_out, "paper_out"},
    {PrinterHealth::offline, "offline"},
    {PrinterHealth::error, "error"},
    {PrinterHealth::unknown, "unknown"},
}};
constexpr std::array<std::pair<ScannerHealth, std::string_view>, 3> kScanner{{
    {ScannerHealth::ok, "ok"},
    {ScannerHealth::missing, "missing"},
    {ScannerHealth::error, "error"},
}};

template <class Enum, std::size_t N>
std::optional<Enum> from_word(const std::array<std::pair<Enum, std::string_view>, N>& table,
                              std::string_view word) {
  for (const auto& [value, text] : table)
    if (text == word) return value;
  return std::nullopt;
}

template <class Enum, std::size_t N>
std::string_view to_word(const std::array<std::pair<Enum, std::string_view>, N>& table,
                         Enum value) {
  for (const auto& [v, text] : table)
    if (v == value) return text;
  return "unknown";
}

}  // namespace

std::string_view printer_word(PrinterHealth state) {
  return to_word(kPrinter, state);
}

std::string_view scanner_word(ScannerHealth state) {
  return to_word(kScanner, state);
}

std::string health_to_json(const DeviceHealth& health) {
  nlohmann::json j{{"printer", printer_word(health.printer)},
                   {"printer_detail", health.printer_detail},
                   {"scanner", scanner_word(health.scanner)},
                   {"scanner_detail", health.scanner_detail},
                   {"paused", health.paused}};
  return j.dump();
}

std::optional<DeviceHealth> health_from_json(std::string_view json) {
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) return std::nullopt;
  const auto text = [&](const char* key) -> std::optional<std::string> {
    const auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  const auto printer = text("printer");
  const auto scanner = text("scanner");
  const auto paused = j.find("paused");
  if (!printer || !scanner || paused == j.end() || !paused->is_boolean()) return std::nullopt;
  DeviceHealth health;
  const auto p = from_word(kPrinter, *printer);
  const auto s = from_word(kScanner, *scanner);
  if (!p || !s) return std::nullopt;
  health.printer = *p;
  health.scanner = *s;
  health.printer_detail = text("printer_detail").value_or("");
  health.scanner_detail = text("scanner_detail").value_or("");
  health.paused = paused->get<bool>();
  return health;
}

}  // namespace einlass
