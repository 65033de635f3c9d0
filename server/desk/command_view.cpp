#include "desk/command_view.h"

#include <string>

#include "desk/desk_sql.h"
#include "desk/json_fields.h"

namespace einlass::desk_detail {

namespace {

nlohmann::json select_commands(Database& db, const char* condition, std::int64_t value) {
  SqlQuery q(db, std::string("SELECT c.id, c.kiosk_id, c.kind, c.ticket_id, c.staff, c.reason, "
                             "c.created_at, coalesce(k.last_command >= c.id, 0) "
                             "FROM kiosk_commands c LEFT JOIN kiosks k ON k.kiosk_id = c.kiosk_id "
                             "WHERE ") +
                     condition + " ORDER BY c.id");
  q.bind(":value", value);
  auto out = nlohmann::json::array();
  while (q.next()) {
    nlohmann::json j{{"id", q.integer(0)},
                     {"kiosk", q.text(1)},
                     {"kind", q.text(2)},
                     {"staff", q.text(4)},
                     {"reason", q.text(5)},
                     {"created_at", q.integer(6)},
                     {"carried_out", q.integer(7) != 0}};
    const auto ticket = q.maybe_integer(3);
    j["ticket"] = ticket ? nlohmann::json(*ticket) : nlohmann::json(nullptr);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

nlohmann::json commands_for_ticket(Database& db, TicketId ticket) {
  return select_commands(db, "c.ticket_id = :value", std::int64_t{ticket});
}

nlohmann::json command_by_id(Database& db, std::uint64_t id) {
  auto found = select_commands(db, "c.id = :value", static_cast<std::int64_t>(id));
  return found.empty() ? nlohmann::json(nullptr) : found.front();
}

}  // namespace einlass::desk_detail
