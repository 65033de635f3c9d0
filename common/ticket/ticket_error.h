#pragma once
// Why a scanned code was not accepted as a ticket. The admission rules turn unknown_key into the
// refusal reason `unknown_key` and every other problem into `invalid`; the detail is for staff and
// logs and never contains a name.
#include <string>
#include <string_view>

namespace einlass {

enum class TicketProblem {
  not_a_ticket,         // no Einlass prefix: another barcode, a URL, random text
  malformed,            // has the prefix but is damaged, truncated or not canonical
  unsupported_version,  // a format this build cannot read
  bad_signature,        // forged or altered
  other_event,          // genuine, but for another event
  unknown_key,          // signed with a key this keyring does not (or no longer) hold
};

// "not_a_ticket", "malformed", ...: stable names for logs, JSON and tests.
std::string_view to_string(TicketProblem problem);

struct TicketError {
  TicketProblem problem = TicketProblem::malformed;
  std::string detail;

  bool operator==(const TicketError&) const = default;
};

}  // namespace einlass
