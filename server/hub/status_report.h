#pragma once
// What `einlass-admin status` shows: attendees, admissions per event day, kiosks and open alerts.
// Loaded from the database alone, so it works from another process while the server runs.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/time.h"
#include "event/event_config.h"
#include "hub/hub_error.h"
#include "storage/alert_repository.h"
#include "storage/database.h"
#include "storage/kiosk_registry.h"
#include "sync/messages.h"

namespace einlass {

struct AttendeeCounts {
  std::size_t active = 0;
  std::size_t canceled = 0;
  std::size_t blocked = 0;
};

struct DayStatus {
  int day = 0;
  std::chrono::year_month_day date{};
  std::size_t admitted_tickets = 0;  // tickets with at least one entry that day
  std::size_t entries = 0;           // entries and manual entries, duplicates included
  std::size_t exits = 0;
  std::size_t on_site = 0;  // holders whose last scan that day was an entry
};

struct KioskStatus {
  KioskRow row;
  std::optional<DeviceHealth> health;  // nullopt before its first heartbeat
};

struct StatusReport {
  EventConfig event;
  Timestamp generated_at{};
  AttendeeCounts attendees;
  std::vector<DayStatus> days;
  std::vector<KioskStatus> kiosks;
  std::vector<Alert> open_alerts;  // unacknowledged, oldest first
};

HubResult<StatusReport> load_status(Database& db, const Clock& clock);

// For people: times in the event's time zone, every problem on a line marked with '!'.
std::string status_text(const StatusReport& report);
// For scripts and tests: times as Unix milliseconds and UTC text.
std::string status_json(const StatusReport& report);

}  // namespace einlass
