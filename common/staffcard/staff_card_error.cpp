#include "staffcard/staff_card_error.h"

namespace einlass {

std::string_view to_string(StaffCardProblem problem) {
  switch (problem) {
    case StaffCardProblem::not_a_staff_card:
      return "not_a_staff_card";
    case StaffCardProblem::malformed:
      return "malformed";
    case StaffCardProblem::unsupported_version:
      return "unsupported_version";
    case StaffCardProblem::other_event:
      return "other_event";
    case StaffCardProblem::unknown_key:
      return "unknown_key";
    case StaffCardProblem::bad_signature:
      return "bad_signature";
  }
  return "malformed";
}

}  // namespace einlass
