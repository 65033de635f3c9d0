#pragma once
// `einlass-admin tickets`: signed ticket codes for the registrations, as text or as PDF/PNG
// sheets for mailing.
#include <expected>
#include <filesystem>
#include <string>
#include <vector>

#include "admin/admin_error.h"
#include "event/attendee.h"
#include "event/event_config.h"
#include "storage/database.h"

namespace einlass {

struct IssuedTicket {
  Registration registration;
  std::string code;
  // The ticket could not carry the badge fields (too long); kiosks then need the synced record.
  bool without_badge_fields = false;
};

// One ticket per active registration, signed with the current key, in ticket id order.
// Cancelled and blocked registrations get none.
std::expected<std::vector<IssuedTicket>, AdminError> issue_tickets(Database& db,
                                                                   const EventConfig& event);

struct SheetFormats {
  bool pdf = true;
  bool png = true;
};

// Writes <dir>/T000042.pdf and .png for every ticket; creates `dir` if needed.
std::expected<std::size_t, AdminError> write_ticket_sheets(const std::vector<IssuedTicket>& tickets,
                                                           const EventConfig& event,
                                                           const std::filesystem::path& dir,
                                                           SheetFormats formats);

}  // namespace einlass
