#pragma once
// Internal to einlass_desk: kiosk commands in the API's shape, with whether the kiosk reported
// carrying them out (its last_command at or above the id).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "storage/database.h"
#include "ticket/ticket.h"

namespace einlass::desk_detail {

// The ticket's commands, oldest first.
nlohmann::json commands_for_ticket(Database& db, TicketId ticket);
// One command; null when there is none with that id.
nlohmann::json command_by_id(Database& db, std::uint64_t id);

}  // namespace einlass::desk_detail
