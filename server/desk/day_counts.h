#pragma once
// Internal to einlass_desk: expected and admitted counts of one event day by category, and the
// day's on-site count, each one aggregate query (no per-attendee work in C++), for the summary and
// the metrics.
#include <cstdint>
#include <map>

#include "storage/database.h"
#include "ticket/ticket.h"

namespace einlass::desk_detail {

struct CategoryCounts {
  std::int64_t expected = 0;  // active registrations valid on the day(s) asked for
  std::int64_t admitted = 0;  // tickets with an entry or manual entry that day
};

struct DayCounts {
  std::map<CategoryCode, CategoryCounts> by_category;
  CategoryCounts total;      // also counts admitted tickets the server holds no registration for
  std::int64_t on_site = 0;  // of all admitted, those whose last scan that day was an entry
};

// Active registrations valid on any day of `days`.
void count_expected(Database& db, DayMask days, DayCounts& counts);
// Admissions of event day `day`; by category too, or the totals alone.
void count_admitted(Database& db, int day, DayCounts& counts, bool by_category);

}  // namespace einlass::desk_detail
