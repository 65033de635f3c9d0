// GET /attendees?q=: search as you type by name, organisation or ticket id, forgiving case and
// accents (the repository's einlass_fold search; the query is bound, never part of the SQL).
#include "base/text.h"
#include "desk/attendee_row.h"
#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "storage/attendee_repository.h"

namespace einlass {

using namespace desk_detail;

DeskResult<nlohmann::json> DeskService::search(std::string_view query, std::size_t limit) {
  return guarded("searching attendees", [&] {
    if (limit < 1 || limit > 100)
      fail(DeskError::Kind::invalid, "bad_request", "limit must be from 1 to 100");
    auto items = nlohmann::json::array();
    const std::string_view text = trim(query);
    if (text.empty()) return nlohmann::json{{"items", std::move(items)}};
    const EventView view = load_event_view(db_);
    const auto today = view.day_at(clock_.now());
    for (const auto& record : need(AttendeeRepository(db_, clock_).search_records(text, limit)))
      items.push_back(attendee_row(db_, view, record, today));
    return nlohmann::json{{"items", std::move(items)}};
  });
}

}  // namespace einlass
