// GET /summary: the top of the dashboard. Every count is one aggregate query; the kiosks' own
// counters (refusals) come from their last heartbeats.
#include <algorithm>

#include "base/date_text.h"
#include "desk/change_fingerprint.h"
#include "desk/day_counts.h"
#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/desk_sql.h"
#include "desk/event_view.h"
#include "desk/json_fields.h"
#include "desk/kiosk_view.h"
#include "storage/attendee_repository.h"
#include "storage/sync_log_repository.h"

namespace einlass {

namespace {

using namespace desk_detail;

constexpr std::int64_t kMinuteMs = 60'000;
constexpr int kChartMinutes = 60;

nlohmann::json day_json(const EventView& view, int day) {
  return {{"day", day}, {"date", format_iso_date(view.calendar.date_of_day(day))}};
}

nlohmann::json event_json(const EventView& view) {
  auto days = nlohmann::json::array();
  for (int day = 1; day <= view.event.day_count; ++day) days.push_back(day_json(view, day));
  return {
      {"name", view.event.name}, {"time_zone", view.event.time_zone}, {"days", std::move(days)}};
}

// Entries and manual entries per minute by scan time: the minute `now` is in and the 59 before
// it, oldest first. A kiosk's clock stamp never runs behind the scan time it was taken with
// (HlcClock::now(physical) >= physical), so `hlc_wall >= start` lets the clock index skip
// everything older without losing an event.
nlohmann::json per_minute(Database& db, Timestamp now) {
  const std::int64_t end = (to_unix_ms(now) / kMinuteMs + 1) * kMinuteMs;
  const std::int64_t start = end - kChartMinutes * kMinuteMs;
  std::vector<std::int64_t> counts(kChartMinutes, 0);
  SqlQuery q(db,
             "SELECT (scan_time - :start) / 60000, count(*) FROM admission_events "
             "WHERE hlc_wall >= :start AND scan_time >= :start AND scan_time < :end "
             "AND kind <> 'exit' GROUP BY 1");
  q.bind(":start", start).bind(":end", end);
  while (q.next()) {
    const auto minute = q.integer(0);
    if (minute >= 0 && minute < kChartMinutes)
      counts[static_cast<std::size_t>(minute)] = q.integer(1);
  }
  auto out = nlohmann::json::array();
  for (int i = 0; i < kChartMinutes; ++i)
    out.push_back(
        {{"minute", start + i * kMinuteMs}, {"admissions", counts[static_cast<std::size_t>(i)]}});
  return out;
}

// The newest refusals over all kiosks, with the names the database holds for their tickets.
nlohmann::json recent_refusals(AttendeeRepository attendees, const std::vector<KioskView>& kiosks) {
  struct Note {
    const std::string* kiosk;
    const RefusalNote* note;
  };
  std::vector<Note> notes;
  for (const auto& kiosk : kiosks) {
    if (!kiosk.health) continue;
    for (const auto& note : kiosk.health->recent_refusals)
      notes.push_back({&kiosk.row.kiosk_id, &note});
  }
  std::ranges::stable_sort(notes, std::greater{}, [](const Note& n) { return n.note->at_ms; });
  if (notes.size() > kMaxRecentRefusals) notes.resize(kMaxRecentRefusals);
  auto out = nlohmann::json::array();
  for (const auto& [kiosk, note] : notes) {
    nlohmann::json j{
        {"kiosk", *kiosk}, {"reason", note->reason}, {"time", note->at_ms}, {"name", ""}};
    put_ticket(j, note->ticket_id);
    if (note->ticket_id) {
      if (const auto record = need(attendees.find_record(*note->ticket_id)))
        j["name"] = record->display_name;
    }
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

DeskResult<nlohmann::json> DeskService::summary() {
  return guarded("summarising", [&] {
    // One read transaction: every count describes the same moment.
    const auto read = need(ConsistentRead::begin(db_));
    const Timestamp now = clock_.now();
    std::string fingerprint = change_fingerprint(db_);
    const std::int64_t minute = to_unix_ms(now) / kMinuteMs;
    if (summary_cache_.minute == minute && summary_cache_.fingerprint == fingerprint) {
      nlohmann::json cached = summary_cache_.summary;
      cached["now"] = to_unix_ms(now);
      return cached;
    }
    const EventView view = load_event_view(db_);
    const auto today = view.day_at(now);

    DayCounts counts;
    count_expected(db_, today ? DayMask{1} << (*today - 1) : all_days(view.event.day_count),
                   counts);
    if (today) count_admitted(db_, *today, counts, true);

    auto by_category = nlohmann::json::array();
    for (const auto& category : view.event.categories) {
      const auto found = counts.by_category.find(category.code);
      const CategoryCounts c = found != counts.by_category.end() ? found->second : CategoryCounts{};
      by_category.push_back(
          {{"category", category.label_de}, {"expected", c.expected}, {"admitted", c.admitted}});
    }

    const auto kiosks = load_kiosks(db_);
    const auto online =
        std::ranges::count_if(kiosks, [](const KioskView& k) { return k.row.connected; });
    nlohmann::json refusals = nlohmann::json::object();
    for (const auto& [reason, n] : total_refusals(kiosks)) refusals[reason] = n;

    nlohmann::json summary{
        {"event", event_json(view)},
        {"now", to_unix_ms(now)},
        {"today", today ? day_json(view, *today) : nlohmann::json(nullptr)},
        {"expected", counts.total.expected},
        {"admitted", counts.total.admitted},
        {"on_site", counts.on_site},
        {"by_category", std::move(by_category)},
        {"per_minute", per_minute(db_, now)},
        {"kiosks", {{"online", online}, {"total", kiosks.size()}}},
        {"open_alerts", SqlQuery(db_, "SELECT count(*) FROM alerts WHERE acknowledged_at IS NULL")
                            .single_integer()},
        {"refusals", std::move(refusals)},
        {"recent_refusals", recent_refusals(AttendeeRepository(db_, clock_), kiosks)},
    };
    summary_cache_ = {std::move(fingerprint), minute, summary};
    return summary;
  });
}

}  // namespace einlass
