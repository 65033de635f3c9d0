#pragma once
// Internal to einlass_desk: a kiosk as the dashboard shows it (the kiosks table and its last
// heartbeat's health), what is wrong with it, and totals over all kiosks.
#include <chrono>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "storage/database.h"
#include "storage/kiosk_registry.h"
#include "sync/messages.h"

namespace einlass::desk_detail {

// Clocks further apart than this are a problem (a kiosk offline longer than kOfflineAfter is one
// too).
inline constexpr std::chrono::seconds kSkewProblem{30};

struct KioskView {
  KioskRow row;
  std::optional<DeviceHealth> health;  // nullopt before its first heartbeat
};

std::vector<KioskView> load_kiosks(Database& db);  // by kiosk id

// "ready", "paper_low", "paper_out", "offline", "error" or "unknown".
std::string printer_state(const KioskView& kiosk);
// "ready", "offline", "error" or "unknown".
std::string scanner_state(const KioskView& kiosk);
// What the page shows in red: "printer: paper_out", "offline for 75 s", "clock 612.0 s ahead".
std::vector<std::string> kiosk_problems(const KioskView& kiosk, Timestamp now);
nlohmann::json kiosk_json(const KioskView& kiosk, Timestamp now);

// The kiosks' counters by word, summed (refusals by reason, print jobs by state).
std::map<std::string, std::uint64_t> total_refusals(const std::vector<KioskView>& kiosks);
std::map<std::string, std::uint64_t> total_print_jobs(const std::vector<KioskView>& kiosks);

}  // namespace einlass::desk_detail
