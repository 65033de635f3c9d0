// GET /attendees/{ticket}: the registration with its whole history: admissions, kiosk commands,
// audit entries and the revocation.
#include "desk/attendee_detail.h"

#include <algorithm>

#include "desk/admission_rows.h"
#include "desk/attendee_row.h"
#include "desk/audit_page.h"
#include "desk/command_view.h"
#include "desk/desk_failure.h"
#include "desk/known_attendee.h"
#include "storage/attendee_repository.h"
#include "storage/sync_log_repository.h"

namespace einlass {

namespace desk_detail {

nlohmann::json attendee_detail(Database& db, const Clock& clock, TicketId ticket) {
  const Registration registration =
      known_attendee(AttendeeRepository(db, clock).find_by_ticket(ticket), ticket);
  const EventView view = load_event_view(db);
  const auto revocation = need(SyncLogRepository(db).find_revocation(ticket));
  AdmissionRowQuery history;
  history.ticket = ticket;
  history.newest_first = false;
  auto rows = load_admissions(db, view, history);
  // Its row's flags from the reads the page needs anyway.
  const auto today = view.day_at(clock.now());
  const bool admitted_today =
      today && std::ranges::any_of(rows, [&](const AdmissionRow& row) {
        return row.json.at("day") == *today && row.json.at("kind") != "exit";
      });

  nlohmann::json j =
      attendee_row(view, registration.record, revocation.has_value(), admitted_today);
  j["email"] = registration.email;
  auto days = nlohmann::json::array();
  for (int day = 1; day <= view.event.day_count; ++day)
    if (has_day(registration.record.days, day)) days.push_back(day);
  j["days"] = std::move(days);
  if (revocation)
    j["revocation"] = {{"at", to_unix_ms(revocation->revoked_at)}, {"reason", revocation->reason}};
  else
    j["revocation"] = nullptr;
  auto admissions = nlohmann::json::array();
  for (auto& row : rows) admissions.push_back(std::move(row.json));
  j["admissions"] = std::move(admissions);
  j["commands"] = commands_for_ticket(db, ticket);
  j["audit"] = audit_about(db, format_ticket_id(ticket));
  return j;
}

}  // namespace desk_detail

DeskResult<nlohmann::json> DeskService::attendee(TicketId ticket) {
  return desk_detail::guarded("reading an attendee",
                              [&] { return desk_detail::attendee_detail(db_, clock_, ticket); });
}

}  // namespace einlass
