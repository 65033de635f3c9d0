#include "rules/rules_error.h"

namespace einlass {

std::string_view to_string(RulesProblem problem) {
  switch (problem) {
    case RulesProblem::missing_staff:
      return "missing_staff";
    case RulesProblem::missing_reason:
      return "missing_reason";
    case RulesProblem::invalid_text:
      return "invalid_text";
    case RulesProblem::outside_event:
      return "outside_event";
  }
  return "missing_reason";
}

}  // namespace einlass
