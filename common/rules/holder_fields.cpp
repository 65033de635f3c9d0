#include "rules/holder_fields.h"

#include <cassert>

namespace einlass::rules_detail {

void fill_holder_fields(Decision& d, const ReplicaFacts& facts, const Ticket* ticket) {
  if (facts.attendee) {
    assert(facts.attendee->ticket_id == d.ticket_id && "replica record of another ticket");
    d.display_name = facts.attendee->display_name;
    d.organisation = facts.attendee->organisation;
    d.category = facts.attendee->category;
    d.days = facts.attendee->days;
    return;
  }
  if (ticket == nullptr) return;
  assert(ticket->ticket_id == d.ticket_id && "ticket of another id");
  d.display_name = ticket->display_name;
  d.organisation = ticket->organisation;
  d.category = ticket->category;
  d.days = ticket->days;
}

}  // namespace einlass::rules_detail
