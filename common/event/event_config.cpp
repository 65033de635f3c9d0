#include "event/event_config.h"

#include "base/text.h"
#include "event/attendee.h"

namespace einlass {

std::vector<Category> default_categories() {
  return {
      {1, "attendee", "Teilnehmer", "Attendee", "#1F6FB2"},
      {2, "speaker", "Referent", "Speaker", "#C0392B"},
      {3, "exhibitor", "Aussteller", "Exhibitor", "#27AE60"},
      {4, "press", "Presse", "Press", "#8E44AD"},
      {5, "staff", "Organisation", "Staff", "#2C3E50"},
  };
}

const Category* find_category(const EventConfig& event, CategoryCode code) {
  for (const auto& c : event.categories) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

const Category* find_category(const EventConfig& event, std::string_view slug_or_label) {
  for (const auto& c : event.categories) {
    if (equals_ignoring_ascii_case(c.slug, slug_or_label) ||
        equals_ignoring_ascii_case(c.label_de, slug_or_label) ||
        equals_ignoring_ascii_case(c.label_en, slug_or_label)) {
      return &c;
    }
  }
  return nullptr;
}

DayMask all_days(int day_count) {
  if (day_count <= 0) return 0;
  if (day_count >= kMaxEventDays) return ~DayMask{0};
  return (DayMask{1} << day_count) - 1;
}

bool has_day(DayMask mask, int day) {
  if (day < 1 || day > kMaxEventDays) return false;
  return (mask >> (day - 1)) & 1u;
}

std::string_view to_string(AttendeeStatus status) {
  switch (status) {
    case AttendeeStatus::active:
      return "active";
    case AttendeeStatus::canceled:
      return "canceled";
    case AttendeeStatus::blocked:
      return "blocked";
  }
  return "active";
}

}  // namespace einlass
