#include "soak/morning_report.h"

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <map>
#include <set>

#include "soak/venue_checker.h"

namespace einlass::test {

namespace {

std::string format(const char* pattern, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* pattern, ...) {
  char line[512];
  va_list args;
  va_start(args, pattern);
  std::vsnprintf(line, sizeof line, pattern, args);
  va_end(args);
  return line;
}

std::string figures(const char* label, const std::vector<double>& values) {
  const auto p = percentiles(values);
  if (p.n == 0) return format("%s n=0", label);
  return format("%s n=%zu p50 %.0f p99 %.0f max %.0f", label, p.n, p.p50, p.p99, p.max);
}

std::string pair(const char* label, std::int64_t seen, std::int64_t truth) {
  return format("%s %lld/%lld", label, static_cast<long long>(seen), static_cast<long long>(truth));
}

std::int64_t count_of(const nlohmann::json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_number_integer() ? j[key].get<std::int64_t>()
                                                                        : -1;
}

double seconds_after(UnixMs at, UnixMs origin) {
  return static_cast<double>(at - origin) / 1000.0;
}

}  // namespace

Percentiles percentiles(std::vector<double> values) {
  Percentiles p;
  p.n = values.size();
  if (values.empty()) return p;
  std::sort(values.begin(), values.end());
  const auto rank = [&](double q) {
    const auto r = static_cast<std::size_t>(std::ceil(q / 100.0 * static_cast<double>(p.n)));
    return values[std::clamp<std::size_t>(r, 1, p.n) - 1];
  };
  p.p50 = rank(50);
  p.p99 = rank(99);
  p.max = values.back();
  return p;
}

FrameToBadge frame_to_badge(const TruthLedger& truth, const Observations& seen) {
  FrameToBadge out;
  const Matching matching = match_decisions(truth, seen);
  int victim = -1;
  for (const auto& f : truth.plan().faults)
    if (f.kind == FaultKind::kiosk_kill) victim = f.victim;
  const auto& drops = truth.drops();
  for (std::size_t i = 0; i < drops.size(); ++i) {
    const Drop& drop = drops[i];
    const int j = matching.decision[i];
    const auto& kiosk = seen.kiosks.at(static_cast<std::size_t>(drop.kiosk));
    if (j < 0 || kiosk.decisions.at(static_cast<std::size_t>(j)).verdict != "admitted") continue;
    const auto row = admission_of(truth, seen, drop.scan);
    if (!row) continue;
    // The first copy that came out: the first attempt, or the desk's reprint.
    const BadgeCopy* first = nullptr;
    for (const auto& c : seen.badges)
      if (c.kiosk == row->kiosk && c.seq == row->seq &&
          (!first || std::pair(c.reprint, c.attempt) < std::pair(first->reprint, first->attempt)))
        first = &c;
    if (!first) {
      ++out.without_badge;
      continue;
    }
    const double ms = static_cast<double>(first->accepted - drop.at);
    if (drop.kiosk_dead || drop.scan == victim) {
      out.kiosk_dead.push_back(ms);
      continue;
    }
    if (drop.paper_out) {
      out.paper_out.push_back(ms);
      continue;
    }
    out.all.push_back(ms);
    (drop.kiosk == kIppKiosk ? out.ipp : out.file).push_back(ms);
    if (drop.kiosk != kIppKiosk) continue;
    for (const auto& p : kiosk.prints)
      if (p.ticket == ticket_code(row->ticket) && p.reprint == 0 && p.attempt == 1 &&
          p.state == "done") {
        out.ipp_log.push_back(static_cast<double>(p.time - drop.at));
        break;
      }
  }
  return out;
}

std::string morning_summary(const TruthLedger& truth, const Observations& seen,
                            const std::vector<std::string>& differences, const RunTimes& times) {
  const Plan& plan = truth.plan();
  std::vector<std::string> lines;
  lines.push_back(
      format("== venue morning: %s run, seed %u (again: --seed %u%s) ==", times.mode.c_str(),
             plan.options.seed, plan.options.seed, times.mode == "full" ? " --full" : ""));

  // Who came.
  std::set<int> came;
  int phones = 0;
  std::array<int, kVenueKiosks> at_kiosk{};
  std::map<Expect, int> expected;
  for (const auto& d : truth.drops()) {
    const auto& s = plan.scans.at(static_cast<std::size_t>(d.scan));
    if (s.code == CodeKind::genuine) came.insert(s.ticket);
    if (is_phone(s.style)) ++phones;
    ++at_kiosk[static_cast<std::size_t>(d.kiosk)];
    ++expected[s.expect];
  }
  const auto scans = truth.drops().size();
  lines.push_back(
      format("attendees: %zu registered, %zu came; %zu scans (%zu printed, %d on "
             "phones): K1 %d, K2 %d, K3 %d, K4 %d",
             plan.people.size(), came.size(), scans, scans - phones, phones, at_kiosk[0],
             at_kiosk[1], at_kiosk[2], at_kiosk[3]));
  std::string truth_line = "truth:";
  for (const auto& [e, n] : expected)
    truth_line += format(" %s %d,", std::string(to_string(e)).c_str(), n);
  truth_line.pop_back();
  lines.push_back(truth_line + format("; %zu tickets admitted", truth.admitted_tickets().size()));

  lines.push_back("faults (seconds after the doors opened):");
  for (std::size_t i = 0; i < plan.faults.size(); ++i) {
    const auto& f = plan.faults[i];
    const auto& r = truth.faults()[i];
    std::string kiosks;
    for (const int k : f.kiosks) kiosks += " " + kiosk_name(k);
    lines.push_back(format("  %-28s%-7s at %6.1f s (planned %5.1f) for %5.1f s: %s",
                           std::string(to_string(f.kind)).c_str(), kiosks.c_str(),
                           seconds_after(r.started, truth.doors()),
                           static_cast<double>(f.at.count()) / 1000,
                           seconds_after(r.ended, r.started), r.detail.c_str()));
  }
  lines.push_back(format("  %-28s%-7s all morning: +%lld s (libfaketime)", "clock ahead",
                         (" " + kiosk_name(kSkewedKiosk)).c_str(),
                         static_cast<long long>(kClockSkew.count())));
  double waited = 0, longest = 0;
  for (const auto& w : truth.waits()) {
    waited += w.seconds;
    longest = std::max(longest, w.seconds);
  }
  lines.push_back(
      format("doors: %.1f s planned, %.1f s as run (the schedule waited %.1f s for "
             "the system; for preconditions %.1f s in all, longest %.1f s)",
             static_cast<double>(plan.options.doors.count()) / 1000, times.morning_s, times.slip_s,
             waited, longest));
  for (const auto& w : truth.waits())
    if (w.seconds >= 1 || !w.met)
      lines.push_back(format("  scan %d waited %.1f s for %s%s", w.scan, w.seconds, w.what.c_str(),
                             w.met ? "" : " (in vain)"));
  for (const auto& note : truth.notes()) lines.push_back("note: " + note);

  const auto latency = frame_to_badge(truth, seen);
  lines.push_back("frame to badge accepted by the printer (ms): " + figures("all", latency.all));
  lines.push_back("  " + figures("file printers K1-K3", latency.file) + "; " +
                  figures("IPP K4", latency.ipp) +
                  " (to K4's \"done\" log line: " + figures("", latency.ipp_log).substr(1) + ")");
  lines.push_back("  apart: " + figures("kiosk killed with the badge in hand", latency.kiosk_dead) +
                  "; " +
                  figures("printer out of paper (to the desk's reprint)", latency.paper_out) +
                  format("; without badge %zu", latency.without_badge));

  std::size_t replica_min = SIZE_MAX, replica_max = 0;
  for (const auto& k : seen.kiosks) {
    replica_min = std::min(replica_min, k.replica.size());
    replica_max = std::max(replica_max, k.replica.size());
  }
  lines.push_back(
      format("records: %zu admission events on the server; replicas K1-K4 hold %zu..%zu",
             seen.server.size(), replica_min, replica_max));
  int firsts = 0, desk = 0, resumed = 0, marked = 0;
  for (const auto& c : seen.badges) {
    if (c.reprint == 0 && c.attempt == 1) ++firsts;
    if (c.reprint > 0) ++desk;
    if (c.reprint == 0 && c.attempt > 1) ++resumed;
    if (c.text.find("Reprint") != std::string::npos) ++marked;
  }
  lines.push_back(
      format("badges: %zu copies: %d first copies, %d desk reprints, %d resumed after "
             "kill -9; %d marked \"Reprint\"",
             seen.badges.size(), firsts, desk, resumed, marked));

  const auto& s = seen.summary;
  const auto admitted = static_cast<std::int64_t>(truth.admitted_tickets().size());
  std::string board =
      "dashboard (seen/truth): " + pair("admitted", count_of(s, "admitted"), admitted) + ", " +
      pair("on site", count_of(s, "on_site"), admitted) + ", " +
      pair("expected", count_of(s, "expected"), truth.active_registrations());
  const auto truth_refusals = expected_refusals(truth, seen, match_decisions(truth, seen));
  board += ", refusals {";
  std::set<std::string> reasons;
  for (const auto& [r, n] : truth_refusals) reasons.insert(r);
  if (s.is_object() && s["refusals"].is_object())
    for (const auto& [r, n] : s["refusals"].items()) reasons.insert(r);
  for (const auto& r : reasons)
    board +=
        pair(r.c_str(),
             s.is_object() && s["refusals"].contains(r) ? count_of(s["refusals"], r.c_str()) : 0,
             truth_refusals.contains(r) ? truth_refusals.at(r) : 0) +
        ", ";
  if (!reasons.empty()) board.resize(board.size() - 2);
  board += "}";
  lines.push_back(board);
  std::map<std::string, int> alert_kinds;
  if (seen.alerts.is_array())
    for (const auto& a : seen.alerts) ++alert_kinds[a.value("kind", "?")];
  std::string alerts =
      "  " +
      pair("kiosks online", s.is_object() ? count_of(s["kiosks"], "online") : -1, kVenueKiosks) +
      ", " +
      pair("open duplicate alerts", alert_kinds["duplicate"],
           static_cast<std::int64_t>(truth.duplicate_tickets().size())) +
      format(", open alerts %lld (", static_cast<long long>(count_of(s, "open_alerts")));
  for (const auto& [kind, n] : alert_kinds) alerts += format("%s %d, ", kind.c_str(), n);
  if (!alert_kinds.empty()) alerts.resize(alerts.size() - 2);
  lines.push_back(alerts + ")");
  if (s.is_object() && s["by_category"].is_array()) {
    std::string categories = "  by category (admitted/expected):";
    for (const auto& c : s["by_category"])
      categories += format(" %s %lld/%lld,", c.value("category", "?").c_str(),
                           static_cast<long long>(count_of(c, "admitted")),
                           static_cast<long long>(count_of(c, "expected")));
    categories.pop_back();
    lines.push_back(categories);
  }

  lines.push_back(
      format("wall time: setup %.1f s, morning %.1f s, convergence %.1f s, checks "
             "%.1f s, total %.1f s",
             times.setup_s, times.morning_s, times.convergence_s, times.checks_s, times.total_s));
  if (differences.empty()) {
    lines.push_back("differences: none -- PASS");
  } else {
    lines.push_back(format("differences: %zu -- FAIL", differences.size()));
    for (const auto& d : differences) lines.push_back("  - " + d);
  }
  std::string text;
  for (const auto& l : lines) text += l + "\n";
  return text;
}

}  // namespace einlass::test
