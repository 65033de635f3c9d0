#include "desk/json_fields.h"

namespace einlass::desk_detail {

void put_ticket(nlohmann::json& object, std::optional<TicketId> ticket) {
  if (ticket) {
    object["ticket"] = *ticket;
    object["ticket_code"] = format_ticket_id(*ticket);
  } else {
    object["ticket"] = nullptr;
    object["ticket_code"] = nullptr;
  }
}

nlohmann::json ms_or_null(std::optional<Timestamp> t) {
  if (!t) return nullptr;
  return to_unix_ms(*t);
}

nlohmann::json page(nlohmann::json items, std::optional<std::string> next) {
  nlohmann::json out{{"items", std::move(items)}};
  if (next)
    out["next"] = std::move(*next);
  else
    out["next"] = nullptr;
  return out;
}

}  // namespace einlass::desk_detail
