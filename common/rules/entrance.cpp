#include "rules/entrance.h"

#include <algorithm>

namespace einlass {

bool admits_category(const Entrance& entrance, CategoryCode category) {
  return entrance.admitted_categories.empty() ||
         std::ranges::find(entrance.admitted_categories, category) !=
             entrance.admitted_categories.end();
}

}  // namespace einlass
