#include "hub/health_json.h"

#include <array>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

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

// Absent is empty; present, it must be what health_to_json wrote.
bool counts_from(const nlohmann::json& j, const char* key,
                 std::map<std::string, std::uint64_t>& out) {
  const auto it = j.find(key);
  if (it == j.end()) return true;
  if (!it->is_object()) return false;
  for (const auto& [word, count] : it->items()) {
    if (!count.is_number_unsigned()) return false;
    out.emplace(word, count.get<std::uint64_t>());
  }
  return true;
}

bool recent_from(const nlohmann::json& j, std::vector<RefusalNote>& out) {
  const auto it = j.find("recent_refusals");
  if (it == j.end()) return true;
  if (!it->is_array()) return false;
  for (const auto& entry : *it) {
    if (!entry.is_object()) return false;
    const auto ticket = entry.find("ticket");
    const auto reason = entry.find("reason");
    const auto at = entry.find("at");
    if (ticket == entry.end() || reason == entry.end() || at == entry.end()) return false;
    if (!reason->is_string() || !at->is_number_integer()) return false;
    RefusalNote note;
    if (ticket->is_number_unsigned() && ticket->get<std::uint64_t>() <= 0xFFFF'FFFFu)
      note.ticket_id = static_cast<TicketId>(ticket->get<std::uint64_t>());
    else if (!ticket->is_null())
      return false;
    note.reason = reason->get<std::string>();
    note.at_ms = at->get<std::int64_t>();
    out.push_back(std::move(note));
  }
  return true;
}

}  // namespace

std::string_view printer_word(PrinterHealth state) {
  return to_word(kPrinter, state);
}

std::string_view scanner_word(ScannerHealth state) {
  return to_word(kScanner, state);
}

std::string health_to_json(const DeviceHealth& health) {
  nlohmann::json recent = nlohmann::json::array();
  for (const auto& note : health.recent_refusals) {
    recent.push_back({{"ticket", note.ticket_id ? nlohmann::json(*note.ticket_id) : nullptr},
                      {"reason", note.reason},
                      {"at", note.at_ms}});
  }
  nlohmann::json j{{"printer", printer_word(health.printer)},
                   {"printer_detail", health.printer_detail},
                   {"scanner", scanner_word(health.scanner)},
                   {"scanner_detail", health.scanner_detail},
                   {"paused", health.paused},
                   {"refusals", health.refusals},
                   {"print_jobs", health.print_jobs},
                   {"recent_refusals", std::move(recent)}};
  // The texts came through the sync parser as valid UTF-8; replace rather than throw regardless.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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
  // Rows written before kiosks reported their activity have none of it.
  if (!counts_from(j, "refusals", health.refusals) ||
      !counts_from(j, "print_jobs", health.print_jobs) || !recent_from(j, health.recent_refusals))
    return std::nullopt;
  return health;
}

}  // namespace einlass
