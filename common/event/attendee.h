#pragma once
// Attendees as the replica (kiosk) and the registration database (server) hold them.
#include <string>

#include "ticket/ticket.h"

namespace einlass {

enum class AttendeeStatus { active, canceled, blocked };

std::string_view to_string(AttendeeStatus status);

// What a kiosk may know of an attendee: what the badge needs, nothing more (no e-mail).
struct AttendeeRecord {
  TicketId ticket_id = 0;
  std::string display_name;
  std::string organisation;
  CategoryCode category = 0;
  DayMask days = 0;
  AttendeeStatus status = AttendeeStatus::active;
  bool operator==(const AttendeeRecord&) const = default;
};

// A registration as the server holds it: the replica's record plus what only organisers see.
struct Registration {
  std::string external_id;  // stable id from the registration system; re-imports update by it
  std::string email;
  AttendeeRecord record;
  bool operator==(const Registration&) const = default;
};

// The ticket that carries `record`'s badge fields for event `event`, to be signed with key `key`.
Ticket ticket_for(const AttendeeRecord& record, EventId event, KeyId key);
// The badge fields a ticket carries, as the replica would hold them (status active).
AttendeeRecord record_for(const Ticket& ticket);

}  // namespace einlass
