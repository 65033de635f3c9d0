#pragma once
// The codes that are not what they claim: made from a genuine ticket of the event, so that they
// look right to anyone but the verifier.
#include <string>

#include "soak/venue_plan.h"

namespace einlass::test {

// The text of `kind` for the plan's `ticket`, made from `genuine` (a code einlass-admin issued
// for `ticket`, or for any ticket of the event when the code names a made-up one):
//   genuine      `genuine` itself
//   forged       its category changed, the signature kept (bad_signature: "invalid")
//   other_event  signed for the next event id by a key of its own ("invalid")
//   unknown_key  this event, a key id the event never had ("unknown_key")
// Throws std::invalid_argument when `genuine` is not a ticket.
std::string code_text(CodeKind kind, int ticket, const std::string& genuine);

}  // namespace einlass::test
