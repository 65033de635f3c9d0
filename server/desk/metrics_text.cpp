// GET /metrics: counts for Prometheus, no personal data (kiosk ids and counts only).
#include <map>

#include "desk/day_counts.h"
#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/desk_sql.h"
#include "desk/event_view.h"
#include "desk/kiosk_view.h"
#include "desk/prometheus_text.h"
#include "storage/alert_repository.h"
#include "storage/sync_log_repository.h"

namespace einlass {

namespace {

using namespace desk_detail;

// Counts by the word in the first column; every word of `expected` appears, 0 when absent.
std::map<std::string, std::int64_t> counts_by_word(
    Database& db, std::string_view sql, std::initializer_list<std::string_view> expected) {
  std::map<std::string, std::int64_t> counts;
  for (const auto word : expected) counts[std::string(word)] = 0;
  SqlQuery q(db, sql);
  while (q.next()) counts[q.text(0)] = q.integer(1);
  return counts;
}

void samples(PrometheusText& out, std::string_view label,
             const std::map<std::string, std::int64_t>& counts) {
  for (const auto& [word, n] : counts) out.sample(n, label, word);
}

void samples(PrometheusText& out, std::string_view label,
             const std::map<std::string, std::uint64_t>& counts) {
  for (const auto& [word, n] : counts) out.sample(static_cast<std::int64_t>(n), label, word);
}

}  // namespace

DeskResult<std::string> DeskService::metrics() {
  return guarded("collecting metrics", [&] {
    const auto read = need(ConsistentRead::begin(db_));
    const Timestamp now = clock_.now();
    const EventView view = load_event_view(db_);
    const auto kiosks = load_kiosks(db_);
    PrometheusText out;

    out.family("einlass_admissions_total", "counter", "Admission events stored, by kind.");
    samples(out, "kind",
            counts_by_word(db_, "SELECT kind, count(*) FROM admission_events GROUP BY kind",
                           {"entry", "exit", "manual_entry"}));

    out.family("einlass_refusals_total", "counter",
               "Refusals by reason as the kiosks report them (since each kiosk daemon started).");
    samples(out, "reason", total_refusals(kiosks));

    out.family("einlass_attendees", "gauge", "Registrations by status.");
    samples(out, "status",
            counts_by_word(db_, "SELECT status, count(*) FROM attendees GROUP BY status",
                           {"active", "canceled", "blocked"}));

    out.family("einlass_on_site", "gauge",
               "Ticket holders whose last scan today was an entry (0 outside the event).");
    DayCounts today;
    if (const auto day = view.day_at(now)) count_admitted(db_, *day, today, false);
    out.sample(today.on_site);

    const auto online =
        std::ranges::count_if(kiosks, [](const KioskView& k) { return k.row.connected; });
    out.family("einlass_kiosks", "gauge", "Kiosks known to the server, by connection state.");
    out.sample(static_cast<std::int64_t>(online), "state", "online");
    out.sample(static_cast<std::int64_t>(kiosks.size()) - online, "state", "offline");

    out.family("einlass_kiosk_unsynced_events", "gauge",
               "Events a kiosk holds that the server has not acknowledged.");
    for (const auto& k : kiosks)
      out.sample(static_cast<std::int64_t>(k.row.unsynced), "kiosk", k.row.kiosk_id);

    out.family("einlass_kiosk_clock_skew_seconds", "gauge",
               "Kiosk clock minus server clock at the last heartbeat.");
    for (const auto& k : kiosks)
      if (k.row.clock_skew_ms)
        out.sample(static_cast<double>(*k.row.clock_skew_ms) / 1000.0, "kiosk", k.row.kiosk_id);

    out.family("einlass_sync_lag_seconds", "gauge", "Seconds since the kiosk was last heard.");
    for (const auto& k : kiosks)
      out.sample(static_cast<double>(to_unix_ms(now) - to_unix_ms(k.row.last_seen)) / 1000.0,
                 "kiosk", k.row.kiosk_id);

    out.family("einlass_print_jobs", "gauge", "Kiosks' print jobs by state, as they report them.");
    auto jobs = total_print_jobs(kiosks);
    for (const char* state : {"queued", "printing", "done", "failed"}) jobs.try_emplace(state, 0);
    samples(out, "state", jobs);

    out.family("einlass_alerts_open", "gauge", "Alerts not yet acknowledged, by kind.");
    samples(out, "kind",
            counts_by_word(db_,
                           "SELECT kind, count(*) FROM alerts WHERE acknowledged_at IS NULL "
                           "GROUP BY kind",
                           {"duplicate", "admitted_after_revocation", "key_conflict", "clock_skew",
                            "kiosk_offline", "printer"}));
    return out.text();
  });
}

}  // namespace einlass
