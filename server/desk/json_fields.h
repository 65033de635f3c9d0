#pragma once
// Internal to einlass_desk: fields every JSON shape of docs/DASHBOARD-API.md shares.
#include <nlohmann/json.hpp>
#include <optional>

#include "base/time.h"
#include "ticket/ticket.h"

namespace einlass::desk_detail {

// "ticket": 42, "ticket_code": "T000042"; both null for none.
void put_ticket(nlohmann::json& object, std::optional<TicketId> ticket);

// Unix milliseconds, or null.
nlohmann::json ms_or_null(std::optional<Timestamp> t);

// {"items": [...], "next": "..." | null}
nlohmann::json page(nlohmann::json items, std::optional<std::string> next);

}  // namespace einlass::desk_detail
