#pragma once
// Why a scanned code was not accepted as a staff card. The detail is for staff and logs; it names
// card ids, never a staff member.
#include <string>
#include <string_view>

namespace einlass {

enum class StaffCardProblem {
  not_a_staff_card,     // no staff card prefix: a ticket, another barcode, random text
  malformed,            // has the prefix but is damaged, truncated or not canonical
  unsupported_version,  // a card format this build cannot read
  other_event,          // genuine, but for another event
  unknown_key,          // signed with a key this keyring does not (or no longer) hold
  bad_signature,        // forged or altered
};

// "not_a_staff_card", "malformed", ...: stable names for logs, JSON and tests.
std::string_view to_string(StaffCardProblem problem);

struct StaffCardError {
  StaffCardProblem problem = StaffCardProblem::malformed;
  std::string detail;

  bool operator==(const StaffCardError&) const = default;
};

}  // namespace einlass
