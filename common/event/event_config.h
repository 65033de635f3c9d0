#pragma once
// The event as every part of the system knows it: name, days, time zone, categories, policies.
#include <chrono>
#include <string>
#include <vector>

#include "ticket/ticket.h"

namespace einlass {

struct Category {
  CategoryCode code = 0;
  std::string slug;      // "speaker"
  std::string label_de;  // "Referent"
  std::string label_en;  // "Speaker"
  std::string colour;    // "#RRGGBB", the badge band
  bool operator==(const Category&) const = default;
};

// Teilnehmer, Referent, Aussteller, Presse, Organisation with codes 1..5.
std::vector<Category> default_categories();

enum class ReentryPolicy {
  deny,              // one entry per day; an exit scan does not give the ticket back
  allow_after_exit,  // after an exit scan the ticket may enter again the same day
};

struct EventConfig {
  EventId id = 0;
  std::string name;
  std::string time_zone = "Europe/Berlin";
  std::chrono::year_month_day first_day{};
  int day_count = 1;
  std::vector<Category> categories = default_categories();
  ReentryPolicy reentry = ReentryPolicy::allow_after_exit;
};

const Category* find_category(const EventConfig& event, CategoryCode code);
const Category* find_category(const EventConfig& event, std::string_view slug_or_label);

// All days of an event of `day_count` days.
DayMask all_days(int day_count);
bool has_day(DayMask mask, int day);

}  // namespace einlass
