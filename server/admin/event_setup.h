#pragma once
// `einlass-admin init`: a new event database with the event and its first signing key.
#include <expected>
#include <filesystem>

#include "admin/admin_error.h"
#include "base/time.h"
#include "event/event_config.h"

namespace einlass {

struct NewEvent {
  std::string name;
  std::chrono::year_month_day first_day{};
  int day_count = 1;
  std::string time_zone = "Europe/Berlin";
  ReentryPolicy reentry = ReentryPolicy::allow_after_exit;
};

// Refuses to touch an existing file. `event_id` is chosen by the caller (random in the CLI) so
// tests stay deterministic.
std::expected<EventConfig, AdminError> init_event(const std::filesystem::path& path,
                                                  const NewEvent& request, EventId event_id,
                                                  Timestamp now);

}  // namespace einlass
