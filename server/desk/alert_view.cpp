// Alerts for staff: the list (open ones, or all), and acknowledging one with its audit entry.
#include "desk/alert_view.h"

#include <algorithm>

#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/json_fields.h"
#include "desk/staff_action.h"
#include "storage/audit_repository.h"
#include "storage/transaction.h"

namespace einlass {

namespace desk_detail {

nlohmann::json alert_json(const Alert& alert) {
  nlohmann::json j{{"id", alert.id},
                   {"kind", to_string(alert.what.kind)},
                   {"kiosk", alert.what.kiosk_id},
                   {"detail", alert.what.detail},
                   {"raised_at", to_unix_ms(alert.raised_at)},
                   {"acknowledged_at", ms_or_null(alert.acknowledged_at)},
                   {"acknowledged_by", alert.acknowledged_by}};
  put_ticket(j, alert.what.ticket_id);
  return j;
}

}  // namespace desk_detail

using namespace desk_detail;

DeskResult<nlohmann::json> DeskService::alerts(bool include_acknowledged) {
  return guarded("listing alerts", [&] {
    AlertRepository repository(db_);
    auto list = need(include_acknowledged ? repository.all() : repository.open());
    auto items = nlohmann::json::array();
    // Newest first, as every list of the API.
    for (auto it = list.rbegin(); it != list.rend(); ++it) items.push_back(alert_json(*it));
    return nlohmann::json{{"items", std::move(items)}};
  });
}

DeskResult<nlohmann::json> DeskService::acknowledge_alert(std::int64_t id, std::string_view login) {
  return guarded("acknowledging an alert", [&] {
    const StaffAction staff = staff_action(login, clock_);
    auto tx = need(Transaction::begin(db_));
    AlertRepository repository(db_);
    // The repository lists whole tables; alerts are few (staff acknowledge them), so finding one
    // there costs little and keeps the alert's shape in one place.
    const auto all = need(repository.all());
    const auto found = std::ranges::find(all, id, &Alert::id);
    if (found == all.end())
      fail(DeskError::Kind::not_found, "not_found", "no alert " + std::to_string(id));
    if (!need(repository.acknowledge(id, staff.who, staff.at)))
      fail(DeskError::Kind::conflict, "already_acknowledged",
           "alert " + std::to_string(id) + " was acknowledged before by " + found->acknowledged_by);
    need(AuditRepository(db_).append({0, staff.at, staff.who, "acknowledge_alert",
                                      "alert " + std::to_string(id),
                                      std::string(to_string(found->what.kind))}));
    need(tx.commit());
    Alert acknowledged = *found;
    acknowledged.acknowledged_at = staff.at;
    acknowledged.acknowledged_by = staff.who;
    return alert_json(acknowledged);
  });
}

}  // namespace einlass
