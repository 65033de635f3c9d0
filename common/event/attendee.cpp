#include "event/attendee.h"

namespace einlass {

Ticket ticket_for(const AttendeeRecord& record, EventId event, KeyId key) {
  Ticket ticket;
  ticket.key_id = key;
  ticket.event_id = event;
  ticket.ticket_id = record.ticket_id;
  ticket.category = record.category;
  ticket.days = record.days;
  ticket.display_name = record.display_name;
  ticket.organisation = record.organisation;
  return ticket;
}

AttendeeRecord record_for(const Ticket& ticket) {
  AttendeeRecord record;
  record.ticket_id = ticket.ticket_id;
  record.display_name = ticket.display_name;
  record.organisation = ticket.organisation;
  record.category = ticket.category;
  record.days = ticket.days;
  return record;
}

}  // namespace einlass
