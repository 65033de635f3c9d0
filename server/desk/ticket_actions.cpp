// POST /attendees/{ticket}/cancel and /revoke: the organiser's actions (server/admin), done by a
// signed-in admin with "staff:<login>" in the audit log. Answers the attendee detail.
#include "admin/organiser_actions.h"
#include "desk/attendee_detail.h"
#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/known_attendee.h"
#include "desk/staff_action.h"
#include "storage/attendee_repository.h"
#include "storage/transaction.h"

namespace einlass {

using namespace desk_detail;

DeskResult<nlohmann::json> DeskService::cancel(TicketId ticket, std::string_view reason,
                                               std::string_view login) {
  return guarded("canceling a registration", [&] {
    const std::string why = required_reason(reason);
    const StaffAction staff = staff_action(login, clock_);
    {
      // The check and the change under one write lock; the action's own transaction nests.
      auto tx = need(Transaction::begin(db_));
      require_active(known_attendee(AttendeeRepository(db_, clock_).find_record(ticket), ticket));
      need(change_status(db_, ticket, AttendeeStatus::canceled, staff.actor, why));
      need(tx.commit());
    }
    return attendee_detail(db_, clock_, ticket);
  });
}

DeskResult<nlohmann::json> DeskService::revoke(TicketId ticket, std::string_view reason,
                                               std::string_view login) {
  return guarded("revoking a ticket", [&] {
    const std::string why = required_reason(reason);
    const StaffAction staff = staff_action(login, clock_);
    {
      auto tx = need(Transaction::begin(db_));
      known_attendee(AttendeeRepository(db_, clock_).find_record(ticket), ticket);
      if (!need(revoke_ticket(db_, ticket, staff.actor, why)))
        fail(DeskError::Kind::conflict, "already_revoked",
             format_ticket_id(ticket) + " was revoked before");
      need(tx.commit());
    }
    return attendee_detail(db_, clock_, ticket);
  });
}

}  // namespace einlass
