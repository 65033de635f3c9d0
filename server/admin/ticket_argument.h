#pragma once
#include <expected>
#include <string>
#include <string_view>

#include "ticket/ticket.h"

namespace einlass {

// "T000042", "t42" or "42" -> 42.
std::expected<TicketId, std::string> parse_ticket_argument(std::string_view text);

}  // namespace einlass
