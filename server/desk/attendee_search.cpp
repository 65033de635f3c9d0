// GET /attendees?q=: search as you type by name, organisation or ticket id, forgiving case and
// accents (the repository's einlass_fold search; the query is bound, never part of the SQL).
#include <cstddef>
#include <string>
#include <vector>

#include "base/text.h"
#include "desk/attendee_row.h"
#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/desk_sql.h"
#include "storage/attendee_repository.h"

namespace einlass {

using namespace desk_detail;

namespace {

struct RowFlags {
  bool revoked = false;
  bool admitted_today = false;
};

// For the page's tickets at once, in their order: revoked, and entered on event day `today`.
// One query (the tickets bound as one JSON array), two index probes per ticket.
std::vector<RowFlags> row_flags(Database& db, const std::vector<AttendeeRecord>& records,
                                std::optional<int> today) {
  std::vector<RowFlags> flags(records.size());
  if (records.empty()) return flags;
  std::string tickets = "[";
  for (const auto& record : records) {
    if (tickets.size() > 1) tickets += ',';
    tickets += std::to_string(record.ticket_id);
  }
  tickets += ']';
  SqlQuery q(db,
             "SELECT t.key, EXISTS (SELECT 1 FROM revocations WHERE ticket_id = t.value), "
             "EXISTS (SELECT 1 FROM admission_events WHERE ticket_id = t.value "
             "AND event_day = :day AND kind <> 'exit') FROM json_each(:tickets) t");
  q.bind(":tickets", tickets).bind(":day", std::int64_t{today.value_or(0)});
  while (q.next()) {
    const auto i = static_cast<std::size_t>(q.integer(0));
    if (i < flags.size()) flags[i] = {q.integer(1) != 0, today && q.integer(2) != 0};
  }
  return flags;
}

}  // namespace

DeskResult<nlohmann::json> DeskService::search(std::string_view query, std::size_t limit) {
  return guarded("searching attendees", [&] {
    if (limit < 1 || limit > 100)
      fail(DeskError::Kind::invalid, "bad_request", "limit must be from 1 to 100");
    auto items = nlohmann::json::array();
    const std::string_view text = trim(query);
    if (text.empty()) return nlohmann::json{{"items", std::move(items)}};
    const EventView view = load_event_view(db_);
    const auto records = need(AttendeeRepository(db_, clock_).search_records(text, limit));
    const auto flags = row_flags(db_, records, view.day_at(clock_.now()));
    for (std::size_t i = 0; i < records.size(); ++i)
      items.push_back(attendee_row(view, records[i], flags[i].revoked, flags[i].admitted_today));
    return nlohmann::json{{"items", std::move(items)}};
  });
}

}  // namespace einlass
