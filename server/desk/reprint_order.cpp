// POST /attendees/{ticket}/reprint: a badge printed again on a chosen kiosk's printer. Queued as
// that kiosk's reprint command (delivered when it is connected) with its audit entry.
#include "admin/audited_change.h"
#include "desk/command_view.h"
#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/known_attendee.h"
#include "desk/staff_action.h"
#include "hub/kiosk_commands.h"
#include "storage/attendee_repository.h"
#include "storage/kiosk_registry.h"

namespace einlass {

using namespace desk_detail;

DeskResult<nlohmann::json> DeskService::reprint(TicketId ticket, std::string_view kiosk,
                                                std::string_view reason, std::string_view login) {
  return guarded("ordering a reprint", [&] {
    const std::string why = required_reason(reason);
    const StaffAction staff = staff_action(login, clock_);
    auto change = need(AuditedChange::begin(db_));
    known_attendee(AttendeeRepository(db_, clock_).find_record(ticket), ticket);
    const std::string code = format_ticket_id(ticket);
    // Only a kiosk that has reported to this server has a printer to send the badge to.
    if (kiosk == kDeskKioskId || !need(KioskRegistry(db_).find(kiosk)))
      fail(DeskError::Kind::not_found, "unknown_kiosk", "no kiosk " + std::string(kiosk));
    if (!need(has_entry(db_, clock_, ticket)))
      fail(DeskError::Kind::conflict, "not_admitted",
           code + " has no entry: a first badge is printed at the entrance");

    const CommandRequest request{CommandKind::reprint, std::string(kiosk), ticket, staff.login,
                                 why};
    const auto command = need(queue_command(db_, clock_, request));
    need(change.finish(staff.actor, "reprint", code, why + " (kiosk " + std::string(kiosk) + ")"));
    return nlohmann::json{{"command", command_by_id(db_, command.id)}};
  });
}

}  // namespace einlass
