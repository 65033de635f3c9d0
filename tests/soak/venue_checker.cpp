#include "soak/venue_checker.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

namespace einlass::test {

namespace {

constexpr std::size_t kListed = 8;  // examples named per difference; the count says the rest

std::string expected_ticket_text(const PlannedScan& s) {
  return s.code == CodeKind::genuine ? ticket_code(s.ticket) : std::string();
}

std::string describe(const TruthLedger& truth, const Drop& drop) {
  const auto& s = truth.plan().scans.at(static_cast<std::size_t>(drop.scan));
  std::string text = "scan " + std::to_string(s.id) + " at " + kiosk_name(drop.kiosk) + " (";
  switch (s.code) {
    case CodeKind::genuine:
      text += ticket_code(s.ticket) + " " + truth.person(s.ticket).name;
      break;
    case CodeKind::forged:
      text += "forged from " + ticket_code(s.ticket);
      break;
    case CodeKind::other_event:
      text += "ticket of another event";
      break;
    case CodeKind::unknown_key:
      text += "signed with an unknown key";
      break;
  }
  text += ", " + std::string(to_string(s.style)) + ")";
  return text;
}

std::string said(const ObservedDecision& d) {
  return d.verdict + (d.reason.empty() ? "" : " (" + d.reason + ")");
}

std::string row_text(const AdmissionRow& r) {
  return r.kiosk + "-" + std::to_string(r.seq) + " " + ticket_code(r.ticket) +
         (r.kind == "entry" ? "" : " " + r.kind);
}

template <typename Items, typename Text>
std::string listed(const Items& items, Text text) {
  std::string out;
  std::size_t n = 0;
  for (const auto& item : items) {
    if (n++ == kListed) {
      out += ", ... (" + std::to_string(items.size()) + " in all)";
      break;
    }
    out += (out.empty() ? "" : ", ") + text(item);
  }
  return out;
}

// Text without blanks and hyphens: a long name wraps on the badge ("Meyer-" / "Lüdenscheidt"),
// and pdftotext joins the halves without the hyphen.
std::string without_blanks(const std::string& text) {
  std::string out;
  for (const char c : text)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != '-') out += c;
  return out;
}

std::string one_line(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (out.size() >= 160) break;
    const bool blank = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (!blank)
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  return out;
}

bool marked_reprint(const BadgeCopy& copy) {
  return copy.text.find("Reprint") != std::string::npos;
}

std::int64_t json_count(const nlohmann::json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_number_integer() ? j[key].get<std::int64_t>()
                                                                        : -1;
}

class Differences {
 public:
  void add(std::string line) { lines_.push_back(std::move(line)); }
  template <typename T>
  void expect_equal(const std::string& what, const T& seen, const T& truth) {
    if (!(seen == truth)) {
      std::ostringstream s;
      s << what << ": " << seen << ", truth " << truth;
      lines_.push_back(s.str());
    }
  }
  std::vector<std::string> take() { return std::move(lines_); }

 private:
  std::vector<std::string> lines_;
};

void check_decisions(const TruthLedger& truth, const Observations& seen, const Matching& matching,
                     Differences& out) {
  for (const auto& line : matching.unmatched) out.add(line);
  const auto& drops = truth.drops();
  for (std::size_t i = 0; i < drops.size(); ++i) {
    const Drop& drop = drops[i];
    const auto& scan = truth.plan().scans.at(static_cast<std::size_t>(drop.scan));
    const auto& kiosk = seen.kiosks.at(static_cast<std::size_t>(drop.kiosk));
    const int j = matching.decision[i];
    if (j < 0) {
      const bool waiting = std::find(kiosk.waiting_frames.begin(), kiosk.waiting_frames.end(),
                                     drop.frame) != kiosk.waiting_frames.end();
      out.add(describe(truth, drop) + ": frame " + drop.frame + " was never decided" +
              (waiting ? " (still waiting in the scanner folder)" : ""));
      continue;
    }
    const auto& decision = kiosk.decisions.at(static_cast<std::size_t>(j));
    if (expects_admission(scan.expect)) {
      if (decision.verdict != "admitted")
        out.add(describe(truth, drop) + ": a valid ticket must be admitted" +
                (scan.expect == Expect::duplicate ? " (and flagged as a duplicate)" : "") +
                ", the kiosk said " + said(decision));
    } else if (decision.verdict != "refused" || decision.reason != refusal_reason(scan.expect)) {
      out.add(describe(truth, drop) + ": must be refused as " +
              std::string(refusal_reason(scan.expect)) + ", the kiosk said " + said(decision));
    }
  }
  for (int k = 0; k < kVenueKiosks; ++k)
    if (!seen.kiosks[static_cast<std::size_t>(k)].waiting_frames.empty())
      out.add(kiosk_name(k) + ": frames never taken from the scanner folder: " +
              listed(seen.kiosks[static_cast<std::size_t>(k)].waiting_frames,
                     [](const std::string& f) { return f; }));
}

void check_admissions(const TruthLedger& truth, const Observations& seen, Differences& out) {
  std::map<std::int64_t, int> on_server;
  for (const auto& row : seen.server) {
    if (row.kind != "entry") out.add("the server holds an admission of kind " + row_text(row));
    ++on_server[row.ticket];
  }
  const auto expected = truth.expected_admissions();
  std::set<std::int64_t> tickets;
  for (const auto& [t, n] : expected) tickets.insert(t);
  for (const auto& [t, n] : on_server) tickets.insert(t);
  for (const std::int64_t t : tickets) {
    const auto e = expected.find(static_cast<int>(t));
    const int want = e == expected.end() ? 0 : e->second;
    const auto s = on_server.find(t);
    const int have = s == on_server.end() ? 0 : s->second;
    if (want == have) continue;
    const std::string name = t >= 1 && t <= static_cast<std::int64_t>(truth.plan().people.size())
                                 ? " " + truth.person(static_cast<int>(t)).name
                                 : std::string();
    out.add(ticket_code(t) + name + ": " + std::to_string(have) +
            " admission event(s) on the server, truth " + std::to_string(want) +
            (want == 0 ? " (this ticket must never be admitted)" : ""));
  }
  // Each admission where it was made.
  for (const auto& drop : truth.drops()) {
    const auto& scan = truth.plan().scans.at(static_cast<std::size_t>(drop.scan));
    if (scan.code != CodeKind::genuine || !expects_admission(scan.expect)) continue;
    if (!admission_of(truth, seen, scan.id) && on_server.contains(scan.ticket))
      out.add(describe(truth, drop) + ": the server holds no admission of it from " +
              kiosk_name(drop.kiosk));
  }
  // Every admission on the server is on every kiosk, and nothing else is.
  const std::set<AdmissionRow> server(seen.server.begin(), seen.server.end());
  for (int k = 0; k < kVenueKiosks; ++k) {
    const auto& rows = seen.kiosks[static_cast<std::size_t>(k)].replica;
    const std::set<AdmissionRow> replica(rows.begin(), rows.end());
    std::vector<AdmissionRow> missing, extra;
    std::set_difference(server.begin(), server.end(), replica.begin(), replica.end(),
                        std::back_inserter(missing));
    std::set_difference(replica.begin(), replica.end(), server.begin(), server.end(),
                        std::back_inserter(extra));
    if (!missing.empty())
      out.add(kiosk_name(k) + "'s replica lacks " + std::to_string(missing.size()) +
              " of the server's admissions: " + listed(missing, row_text));
    if (!extra.empty())
      out.add(kiosk_name(k) + "'s replica holds " + std::to_string(extra.size()) +
              " admissions the server does not: " + listed(extra, row_text));
  }
}

void check_alerts(const TruthLedger& truth, const Observations& seen, Differences& out) {
  if (!seen.alerts.is_array()) {
    out.add("the dashboard's alert list could not be read");
    return;
  }
  std::multiset<int> duplicates;
  std::vector<std::string> skewed;
  for (const auto& alert : seen.alerts) {
    const auto kind = alert.value("kind", "");
    const auto kiosk = alert.value("kiosk", "");
    if (kind == "duplicate")
      duplicates.insert(alert["ticket"].is_number_integer() ? alert["ticket"].get<int>() : 0);
    else if (kind == "admitted_after_revocation")
      out.add("alert admitted_after_revocation for " + alert.value("ticket_code", "?") + " at " +
              kiosk + ": nobody was admitted with a revoked ticket");
    else if (kind == "clock_skew")
      skewed.push_back(kiosk);
    else if (kind == "key_conflict")
      out.add("alert key_conflict at " + kiosk + ": " + alert.value("detail", ""));
  }
  const auto truth_duplicates = truth.duplicate_tickets();
  if (duplicates != truth_duplicates) {
    std::vector<int> missing, extra;
    std::set_difference(truth_duplicates.begin(), truth_duplicates.end(), duplicates.begin(),
                        duplicates.end(), std::back_inserter(missing));
    std::set_difference(duplicates.begin(), duplicates.end(), truth_duplicates.begin(),
                        truth_duplicates.end(), std::back_inserter(extra));
    const auto code = [](int t) { return ticket_code(t); };
    if (!missing.empty())
      out.add("open duplicate alerts missing for " + listed(missing, code) +
              " (admitted twice while cut off)");
    if (!extra.empty()) out.add("open duplicate alerts nobody caused: " + listed(extra, code));
  }
  if (skewed != std::vector<std::string>{kiosk_name(kSkewedKiosk)})
    out.add("open clock_skew alerts for [" +
            listed(skewed, [](const std::string& k) { return k; }) + "], truth [" +
            kiosk_name(kSkewedKiosk) + "] (its clock is " + std::to_string(kClockSkew.count()) +
            " s ahead)");
}

void check_badges(const TruthLedger& truth, const Observations& seen, Differences& out) {
  std::map<std::pair<std::string, std::int64_t>, std::vector<const BadgeCopy*>> copies;
  for (const auto& copy : seen.badges) copies[{copy.kiosk, copy.seq}].push_back(&copy);
  const auto paper_out = truth.paper_out_tickets();
  std::set<std::pair<std::string, std::int64_t>> admissions;
  for (const auto& row : seen.server) {
    admissions.insert({row.kiosk, row.seq});
    const auto found = copies.find({row.kiosk, row.seq});
    const auto& mine = found == copies.end() ? std::vector<const BadgeCopy*>{} : found->second;
    const std::string what = "badge of " + row_text(row);
    const bool no_paper =
        row.kiosk == kiosk_name(kIppKiosk) && paper_out.contains(static_cast<int>(row.ticket));
    const auto firsts = std::count_if(mine.begin(), mine.end(), [](const BadgeCopy* c) {
      return c->reprint == 0 && c->attempt == 1;
    });
    if (no_paper) {
      if (firsts != 0) out.add(what + ": printed although the printer had no paper");
      if (std::none_of(mine.begin(), mine.end(), [](const BadgeCopy* c) { return c->reprint > 0; }))
        out.add(what + ": the printer had no paper, and the desk's reprint never came out");
    } else if (firsts != 1) {
      out.add(what + ": " + std::to_string(firsts) + " first copies, truth 1");
    }
    const std::string name =
        row.ticket >= 1 && row.ticket <= static_cast<std::int64_t>(truth.plan().people.size())
            ? truth.person(static_cast<int>(row.ticket)).name
            : std::string();
    for (const BadgeCopy* c : mine) {
      if (!seen.badge_texts) break;
      const bool first = c->reprint == 0 && c->attempt == 1;
      if (first && marked_reprint(*c))
        out.add(what + ": the first copy " + c->file + " says Reprint");
      if (!first && !marked_reprint(*c))
        out.add(what + ": copy " + c->file + " is a second copy but not marked Reprint");
      if (!name.empty() && without_blanks(c->text).find(without_blanks(name)) == std::string::npos)
        out.add(what + ": " + c->file + " does not show the name " + name + " (it reads \"" +
                one_line(c->text) + "\")");
    }
  }
  // The badge in hand when its kiosk was killed: the restarted kiosk resumes the job, and its
  // copy may be a second one, so it is marked.
  for (const auto& f : truth.plan().faults) {
    if (f.kind != FaultKind::kiosk_kill || f.victim < 0) continue;
    const bool dropped = std::any_of(truth.drops().begin(), truth.drops().end(),
                                     [&](const Drop& d) { return d.scan == f.victim; });
    const auto row = admission_of(truth, seen, f.victim);
    if (!dropped || !row) continue;
    const auto found = copies.find({row->kiosk, row->seq});
    const bool resumed =
        found != copies.end() &&
        std::any_of(found->second.begin(), found->second.end(),
                    [](const BadgeCopy* c) { return c->reprint == 0 && c->attempt >= 2; });
    if (!resumed)
      out.add("badge of " + row_text(*row) + ": the job in hand when " + row->kiosk +
              " was killed was never resumed (no second, marked copy)");
  }
  for (const auto& [key, list] : copies)
    if (!admissions.contains(key))
      for (const BadgeCopy* c : list) out.add("badge " + c->file + " belongs to no admission");
}

void check_prints(const TruthLedger& truth, const Observations& seen, Differences& out) {
  const auto paper_out = truth.paper_out_tickets();
  for (int k = 0; k < kVenueKiosks; ++k) {
    const auto& kiosk = seen.kiosks[static_cast<std::size_t>(k)];
    for (const auto& [state, n] : kiosk.print_jobs)
      if ((state == "queued" || state == "printing") && n > 0)
        out.add(kiosk_name(k) + ": " + std::to_string(n) + " print job(s) still " + state);
    // The first jobs that failed: exactly those of admissions while the paper was out.
    std::set<int> failed;
    for (const auto& p : kiosk.prints) {
      if (p.state != "failed") continue;
      const int ticket = std::atoi(p.ticket.c_str() + (p.ticket.empty() ? 0 : 1));
      if (k == kIppKiosk && p.reprint == 0 && paper_out.contains(ticket))
        failed.insert(ticket);
      else
        out.add(kiosk_name(k) + ": the print job of " + p.ticket + " (reprint " +
                std::to_string(p.reprint) + ", attempt " + std::to_string(p.attempt) +
                ") failed: " + p.detail);
    }
    if (k != kIppKiosk) continue;
    std::vector<int> missing;
    std::set_difference(paper_out.begin(), paper_out.end(), failed.begin(), failed.end(),
                        std::back_inserter(missing));
    if (!missing.empty())
      out.add(kiosk_name(k) + ": no failed print job for the admissions while the paper was out: " +
              listed(missing, [](int t) { return ticket_code(t); }));
  }
}

void check_dashboard(const TruthLedger& truth, const Observations& seen, const Matching& matching,
                     Differences& out) {
  const auto& s = seen.summary;
  if (!s.is_object()) {
    out.add("the dashboard's summary could not be read");
    return;
  }
  if (s["today"].is_null()) out.add("the dashboard's summary has no event day today");
  const auto admitted = truth.admitted_tickets();
  out.expect_equal<std::int64_t>("dashboard: admitted today", json_count(s, "admitted"),
                                 static_cast<std::int64_t>(admitted.size()));
  out.expect_equal<std::int64_t>("dashboard: on site", json_count(s, "on_site"),
                                 static_cast<std::int64_t>(admitted.size()));
  out.expect_equal<std::int64_t>("dashboard: expected (active registrations)",
                                 json_count(s, "expected"), truth.active_registrations());

  std::set<int> canceled;
  for (const auto& c : truth.plan().changes)
    if (c.kind == ChangeKind::cancel) canceled.insert(c.ticket);
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> categories;  // admitted, expected
  for (int t = 1; t <= static_cast<int>(truth.plan().people.size()); ++t) {
    auto& c = categories[truth.person(t).category];
    if (admitted.contains(t)) ++c.first;
    if (!canceled.contains(t)) ++c.second;
  }
  if (!s["by_category"].is_array()) {
    out.add("dashboard: by_category is missing");
  } else {
    for (const auto& row : s["by_category"]) {
      const auto label = row.value("category", "");
      const auto truth_counts = categories[label];
      out.expect_equal<std::int64_t>("dashboard: admitted " + label, json_count(row, "admitted"),
                                     truth_counts.first);
      out.expect_equal<std::int64_t>("dashboard: expected " + label, json_count(row, "expected"),
                                     truth_counts.second);
      categories.erase(label);
    }
    for (const auto& [label, counts] : categories)
      if (counts.second > 0) out.add("dashboard: category " + label + " is not listed");
  }

  std::map<std::string, std::int64_t> refusals;
  if (s["refusals"].is_object())
    for (const auto& [reason, n] : s["refusals"].items())
      if (n.is_number_integer() && n.get<std::int64_t>() != 0) refusals[reason] = n;
  const auto truth_refusals = expected_refusals(truth, seen, matching);
  std::set<std::string> reasons;
  for (const auto& [r, n] : refusals) reasons.insert(r);
  for (const auto& [r, n] : truth_refusals) reasons.insert(r);
  for (const auto& r : reasons)
    out.expect_equal<std::int64_t>("dashboard: refusals " + r,
                                   refusals.contains(r) ? refusals[r] : 0,
                                   truth_refusals.contains(r) ? truth_refusals.at(r) : 0);

  out.expect_equal<std::int64_t>("dashboard: kiosks online", json_count(s["kiosks"], "online"),
                                 kVenueKiosks);
  out.expect_equal<std::int64_t>("dashboard: kiosks", json_count(s["kiosks"], "total"),
                                 kVenueKiosks);
  if (seen.alerts.is_array())
    out.expect_equal<std::int64_t>("dashboard: open alerts (summary against the alert list)",
                                   json_count(s, "open_alerts"),
                                   static_cast<std::int64_t>(seen.alerts.size()));

  if (!seen.kiosk_list.is_array()) {
    out.add("the dashboard's kiosk list could not be read");
    return;
  }
  std::set<std::string> listed_kiosks;
  for (const auto& k : seen.kiosk_list) {
    const auto id = k.value("id", "");
    listed_kiosks.insert(id);
    if (!k.value("online", false)) out.add("dashboard: kiosk " + id + " is not online");
    const auto skew = k["clock_skew_ms"].is_number() ? k["clock_skew_ms"].get<double>() / 1000 : 0;
    const bool ahead = id == kiosk_name(kSkewedKiosk);
    const double truth_skew = ahead ? static_cast<double>(kClockSkew.count()) : 0;
    if (std::abs(skew - truth_skew) > 10) {
      char line[160];
      std::snprintf(line, sizeof line, "dashboard: kiosk %s's clock is %.1f s off, truth %.0f s",
                    id.c_str(), skew, truth_skew);
      out.add(line);
    }
    if (k.value("printer", "") != "ready")
      out.add("dashboard: kiosk " + id + "'s printer is " + k.value("printer", "?") +
              ", truth ready (the paper is back)");
  }
  for (int k = 0; k < kVenueKiosks; ++k)
    if (!listed_kiosks.contains(kiosk_name(k)))
      out.add("dashboard: kiosk " + kiosk_name(k) + " is not listed");
}

}  // namespace

std::string ticket_code(std::int64_t ticket) {
  char text[24];
  std::snprintf(text, sizeof text, "T%06lld", static_cast<long long>(ticket));
  return text;
}

Matching match_decisions(const TruthLedger& truth, const Observations& seen) {
  const auto& drops = truth.drops();
  Matching m;
  m.decision.assign(drops.size(), -1);
  for (int k = 0; k < kVenueKiosks; ++k) {
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < drops.size(); ++i)
      if (drops[i].kiosk == k) open.push_back(i);
    std::vector<bool> used(open.size(), false);
    const auto& decisions = seen.kiosks[static_cast<std::size_t>(k)].decisions;
    for (std::size_t j = 0; j < decisions.size(); ++j) {
      bool found = false;
      for (std::size_t o = 0; o < open.size() && !found; ++o) {
        const auto& scan = truth.plan().scans.at(static_cast<std::size_t>(drops[open[o]].scan));
        if (used[o] || expected_ticket_text(scan) != decisions[j].ticket) continue;
        used[o] = true;
        m.decision[open[o]] = static_cast<int>(j);
        found = true;
      }
      if (!found)
        m.unmatched.push_back(
            kiosk_name(k) + ": a decision no frame explains: " +
            (decisions[j].ticket.empty() ? "a code without ticket" : decisions[j].ticket) + " " +
            said(decisions[j]));
    }
  }
  return m;
}

std::map<std::string, std::int64_t> expected_refusals(const TruthLedger& truth,
                                                      const Observations& seen,
                                                      const Matching& matching) {
  std::map<std::string, std::int64_t> out;
  const auto& drops = truth.drops();
  for (std::size_t i = 0; i < drops.size(); ++i) {
    const int j = matching.decision[i];
    if (j < 0) continue;
    const auto& kiosk = seen.kiosks.at(static_cast<std::size_t>(drops[i].kiosk));
    if (kiosk.decisions.at(static_cast<std::size_t>(j)).run != kiosk.runs - 1) continue;
    const auto& scan = truth.plan().scans.at(static_cast<std::size_t>(drops[i].scan));
    if (!expects_admission(scan.expect)) ++out[std::string(refusal_reason(scan.expect))];
  }
  return out;
}

std::optional<AdmissionRow> admission_of(const TruthLedger& truth, const Observations& seen,
                                         int scan) {
  const auto& s = truth.plan().scans.at(static_cast<std::size_t>(scan));
  for (const auto& row : seen.server)
    if (row.kiosk == kiosk_name(s.kiosk) && row.ticket == s.ticket) return row;
  return std::nullopt;
}

std::vector<std::string> check_morning(const TruthLedger& truth, const Observations& seen) {
  Differences out;
  for (const auto& why : seen.unreadable) out.add("unreadable: " + why);
  for (const auto& w : truth.waits())
    if (!w.met) out.add("scan " + std::to_string(w.scan) + ": " + w.what + " never happened");
  const Matching matching = match_decisions(truth, seen);
  check_decisions(truth, seen, matching, out);
  check_admissions(truth, seen, out);
  check_alerts(truth, seen, out);
  check_badges(truth, seen, out);
  check_prints(truth, seen, out);
  check_dashboard(truth, seen, matching, out);
  return out.take();
}

}  // namespace einlass::test
