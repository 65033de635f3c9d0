#include "desk/kiosk_view.h"

#include <cstdio>
#include <cstdlib>

#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "hub/health_json.h"

namespace einlass::desk_detail {

namespace {

std::string seconds_text(std::chrono::milliseconds d) {
  return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(d).count()) + " s";
}

std::string skew_text(std::int64_t skew_ms) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "clock %.1f s %s",
                static_cast<double>(std::llabs(skew_ms)) / 1000.0,
                skew_ms > 0 ? "ahead" : "behind");
  return buf;
}

using Counters = std::map<std::string, std::uint64_t>;

Counters total(const std::vector<KioskView>& kiosks, Counters DeviceHealth::*field) {
  Counters sum;
  for (const auto& kiosk : kiosks) {
    if (!kiosk.health) continue;
    for (const auto& [word, n] : (*kiosk.health).*field) sum[word] += n;
  }
  return sum;
}

}  // namespace

std::vector<KioskView> load_kiosks(Database& db) {
  std::vector<KioskView> out;
  for (auto& row : need(KioskRegistry(db).all())) {
    auto health = health_from_json(row.health_json);
    out.push_back({std::move(row), std::move(health)});
  }
  return out;
}

std::string printer_state(const KioskView& kiosk) {
  if (!kiosk.health) return "unknown";
  switch (kiosk.health->printer) {
    case PrinterHealth::ok:
      // IPP says "media-low" while the printer still prints: a warning, not a fault.
      return kiosk.health->printer_detail.find("media-low") != std::string::npos ? "paper_low"
                                                                                 : "ready";
    case PrinterHealth::paper_out:
      return "paper_out";
    case PrinterHealth::offline:
      return "offline";
    case PrinterHealth::error:
      return "error";
    case PrinterHealth::unknown:
      return "unknown";
  }
  return "unknown";
}

std::string scanner_state(const KioskView& kiosk) {
  if (!kiosk.health) return "unknown";
  switch (kiosk.health->scanner) {
    case ScannerHealth::ok:
      return "ready";
    case ScannerHealth::missing:
      return "offline";
    case ScannerHealth::error:
      return "error";
  }
  return "unknown";
}

std::vector<std::string> kiosk_problems(const KioskView& kiosk, Timestamp now) {
  std::vector<std::string> problems;
  const std::string printer = printer_state(kiosk);
  if (printer != "ready" && printer != "unknown") problems.push_back("printer: " + printer);
  const std::string scanner = scanner_state(kiosk);
  if (scanner == "offline" || scanner == "error") problems.push_back("scanner: " + scanner);
  if (kiosk.health && kiosk.health->paused) problems.push_back("paused");
  const auto silent = now - kiosk.row.last_seen;
  if (silent > kOfflineAfter) {
    problems.push_back((kiosk.row.connected ? "no heartbeat for " : "offline for ") +
                       seconds_text(silent));
  }
  if (kiosk.row.clock_skew_ms &&
      std::llabs(*kiosk.row.clock_skew_ms) > std::chrono::milliseconds(kSkewProblem).count())
    problems.push_back(skew_text(*kiosk.row.clock_skew_ms));
  if (!kiosk.row.connected && kiosk.row.unsynced > 0)
    problems.push_back(std::to_string(kiosk.row.unsynced) + " events not synced");
  return problems;
}

nlohmann::json kiosk_json(const KioskView& kiosk, Timestamp now) {
  nlohmann::json j{{"id", kiosk.row.kiosk_id},
                   {"online", kiosk.row.connected},
                   {"last_seen", to_unix_ms(kiosk.row.last_seen)},
                   {"software", kiosk.row.software},
                   {"address", kiosk.row.address},
                   {"unsynced", kiosk.row.unsynced},
                   {"printer", printer_state(kiosk)},
                   {"scanner", scanner_state(kiosk)},
                   {"paused", kiosk.health && kiosk.health->paused},
                   {"refusals", nlohmann::json::object()},
                   {"print_jobs", nlohmann::json::object()},
                   {"problems", kiosk_problems(kiosk, now)}};
  if (kiosk.row.clock_skew_ms)
    j["clock_skew_ms"] = *kiosk.row.clock_skew_ms;
  else
    j["clock_skew_ms"] = nullptr;
  if (kiosk.health) {
    for (const auto& [reason, n] : kiosk.health->refusals) j["refusals"][reason] = n;
    for (const auto& [state, n] : kiosk.health->print_jobs) j["print_jobs"][state] = n;
  }
  return j;
}

Counters total_refusals(const std::vector<KioskView>& kiosks) {
  return total(kiosks, &DeviceHealth::refusals);
}

Counters total_print_jobs(const std::vector<KioskView>& kiosks) {
  return total(kiosks, &DeviceHealth::print_jobs);
}

}  // namespace einlass::desk_detail

namespace einlass {

DeskResult<nlohmann::json> DeskService::kiosks() {
  return desk_detail::guarded("listing kiosks", [&] {
    const Timestamp now = clock_.now();
    auto items = nlohmann::json::array();
    for (const auto& kiosk : desk_detail::load_kiosks(db_))
      items.push_back(desk_detail::kiosk_json(kiosk, now));
    return nlohmann::json{{"items", std::move(items)}};
  });
}

}  // namespace einlass
