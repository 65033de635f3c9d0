#pragma once
// Where a scan happens: which kiosk, whether it lets people in or out, and whom it admits.
#include <string>
#include <vector>

#include "ticket/ticket.h"

namespace einlass {

enum class EntranceMode { entry, exit };

struct Entrance {
  std::string kiosk_id;
  EntranceMode mode = EntranceMode::entry;
  std::vector<CategoryCode> admitted_categories;  // empty: every category
  bool operator==(const Entrance&) const = default;
};

bool admits_category(const Entrance& entrance, CategoryCode category);

}  // namespace einlass
