// Alerts for staff: the list (open ones, or all), and acknowledging one with its audit entry. Read
// with the desk's own query: AlertRepository lists whole tables and has no lookup of one alert.
#include <optional>
#include <string>

#include "admin/audited_change.h"
#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/desk_sql.h"
#include "desk/json_fields.h"
#include "desk/staff_action.h"
#include "storage/alert_repository.h"

namespace einlass {

namespace {

using namespace desk_detail;

constexpr const char* kSelect =
    "SELECT id, kind, kiosk_id, detail, raised_at, acknowledged_at, acknowledged_by, ticket_id "
    "FROM alerts ";

// The API's alert shape. `kind` is stored as the word the API shows (AlertKind's to_string).
nlohmann::json alert_json(SqlQuery& q) {
  const auto acknowledged_at = q.maybe_integer(5);
  const auto ticket = q.maybe_integer(7);
  nlohmann::json j{{"id", q.integer(0)},
                   {"kind", q.text(1)},
                   {"kiosk", q.text(2)},
                   {"detail", q.text(3)},
                   {"raised_at", q.integer(4)},
                   {"acknowledged_at",
                    acknowledged_at ? nlohmann::json(*acknowledged_at) : nlohmann::json(nullptr)},
                   {"acknowledged_by", q.text(6)}};
  put_ticket(j, ticket ? std::optional<TicketId>(static_cast<TicketId>(*ticket)) : std::nullopt);
  return j;
}

std::optional<nlohmann::json> find_alert(Database& db, std::int64_t id) {
  SqlQuery q(db, std::string(kSelect) + "WHERE id = :id");
  q.bind(":id", id);
  if (!q.next()) return std::nullopt;
  return alert_json(q);
}

}  // namespace

DeskResult<nlohmann::json> DeskService::alerts(bool include_acknowledged) {
  return guarded("listing alerts", [&] {
    // Newest first, as every list of the API.
    SqlQuery q(db_, std::string(kSelect) +
                        (include_acknowledged ? "" : "WHERE acknowledged_at IS NULL ") +
                        "ORDER BY id DESC");
    auto items = nlohmann::json::array();
    while (q.next()) items.push_back(alert_json(q));
    return nlohmann::json{{"items", std::move(items)}};
  });
}

DeskResult<nlohmann::json> DeskService::acknowledge_alert(std::int64_t id, std::string_view login) {
  return guarded("acknowledging an alert", [&] {
    const StaffAction staff = staff_action(login, clock_);
    auto change = need(AuditedChange::begin(db_));
    auto alert = find_alert(db_, id);
    if (!alert) fail(DeskError::Kind::not_found, "not_found", "no alert " + std::to_string(id));
    if (!need(AlertRepository(db_).acknowledge(id, staff.actor.who, staff.actor.at)))
      fail(DeskError::Kind::conflict, "already_acknowledged",
           "alert " + std::to_string(id) + " was acknowledged before by " +
               (*alert)["acknowledged_by"].get<std::string>());
    need(change.finish(staff.actor, "acknowledge_alert", "alert " + std::to_string(id),
                       (*alert)["kind"].get<std::string>()));
    (*alert)["acknowledged_at"] = to_unix_ms(staff.actor.at);
    (*alert)["acknowledged_by"] = staff.actor.who;
    return std::move(*alert);
  });
}

}  // namespace einlass
