#pragma once
// Why a staff request to the rules was not accepted (as opposed to a refused ticket, which is a
// Decision with a Reason).
#include <string>
#include <string_view>

namespace einlass {

enum class RulesProblem {
  missing_staff,   // a manual admission must say who
  missing_reason,  // ... and why
  invalid_text,    // staff name or reason is not valid UTF-8
  outside_event,   // there is no event day to admit for at that time
};

std::string_view to_string(RulesProblem problem);

struct RulesError {
  RulesProblem problem = RulesProblem::missing_reason;
  std::string detail;
  bool operator==(const RulesError&) const = default;
};

}  // namespace einlass
