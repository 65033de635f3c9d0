// POST /attendees/{ticket}/cancel and /revoke: the organiser's actions (server/admin), done by a
// signed-in admin with "staff:<login>" in the audit log. Answers the attendee detail.
#include "admin/organiser_actions.h"
#include "desk/attendee_detail.h"
#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/staff_action.h"
#include "storage/attendee_repository.h"
#include "storage/transaction.h"

namespace einlass {

namespace {

using namespace desk_detail;

AttendeeRecord existing(Database& db, const Clock& clock, TicketId ticket) {
  auto record = need(AttendeeRepository(db, clock).find_record(ticket));
  if (!record)
    fail(DeskError::Kind::not_found, "not_found", "no attendee " + format_ticket_id(ticket));
  return std::move(*record);
}

// An organiser action's failure after the checks here can only be the database's.
[[noreturn]] void fail_admin(const AdminError& error) {
  fail(DeskError::Kind::storage, "storage", error.message);
}

}  // namespace

DeskResult<nlohmann::json> DeskService::cancel(TicketId ticket, std::string_view reason,
                                               std::string_view login) {
  return guarded("canceling a registration", [&] {
    const std::string why = required_reason(reason);
    const StaffAction staff = staff_action(login, clock_);
    {
      // The check and the change under one write lock; the action's own transaction nests.
      auto tx = need(Transaction::begin(db_));
      const AttendeeRecord record = existing(db_, clock_, ticket);
      if (record.status != AttendeeStatus::active)
        fail(DeskError::Kind::conflict, "not_active",
             format_ticket_id(ticket) + " is " + std::string(to_string(record.status)));
      if (auto changed =
              change_status(db_, ticket, AttendeeStatus::canceled, Actor{staff.who, staff.at}, why);
          !changed)
        fail_admin(changed.error());
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
      existing(db_, clock_, ticket);
      auto revoked = revoke_ticket(db_, ticket, Actor{staff.who, staff.at}, why);
      if (!revoked) fail_admin(revoked.error());
      if (!*revoked)
        fail(DeskError::Kind::conflict, "already_revoked",
             format_ticket_id(ticket) + " was revoked before");
      need(tx.commit());
    }
    return attendee_detail(db_, clock_, ticket);
  });
}

}  // namespace einlass
