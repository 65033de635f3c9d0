#include "ticket/ticket_error.h"

namespace einlass {

std::string_view to_string(TicketProblem problem) {
  switch (problem) {
    case TicketProblem::not_a_ticket:
      return "not_a_ticket";
    case TicketProblem::malformed:
      return "malformed";
    case TicketProblem::unsupported_version:
      return "unsupported_version";
    case TicketProblem::bad_signature:
      return "bad_signature";
    case TicketProblem::other_event:
      return "other_event";
    case TicketProblem::unknown_key:
      return "unknown_key";
  }
  return "malformed";
}

}  // namespace einlass
