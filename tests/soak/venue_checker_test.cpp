#include "soak/venue_checker.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "soak/morning_report.h"

using namespace einlass::test;

namespace {

constexpr UnixMs kDoors = 1'800'000'000'000;

// A morning as the driver would have run it: every step at its planned time.
TruthLedger run_on_paper(const Plan& plan) {
  TruthLedger ledger(plan);
  ledger.doors_opened(kDoors);
  for (const auto& step : timeline(plan)) {
    const UnixMs at = kDoors + step.at.count();
    switch (step.kind) {
      case StepKind::change:
        break;
      case StepKind::fault_start:
        ledger.fault_started(step.index, at);
        break;
      case StepKind::fault_end:
        ledger.fault_ended(step.index, at);
        break;
      case StepKind::scan: {
        const auto& s = plan.scans.at(static_cast<std::size_t>(step.index));
        ledger.dropped(s.id, s.kiosk, "s" + std::to_string(s.id) + ".jpg", at);
        break;
      }
    }
  }
  for (const int t : ledger.paper_out_tickets()) ledger.reprinted(t, kIppKiosk, kDoors);
  return ledger;
}

UnixMs kiosk_restart(const Plan& plan) {
  for (const auto& f : plan.faults)
    if (f.kind == FaultKind::kiosk_kill) return kDoors + f.back.count();
  return 0;
}

// What a system that did everything right records for that morning.
Observations faithful_records(const TruthLedger& truth) {
  const Plan& plan = truth.plan();
  Observations seen;
  seen.kiosks[kIppKiosk].runs = 2;
  for (int k = 0; k < kIppKiosk; ++k) seen.kiosks[static_cast<std::size_t>(k)].runs = 1;
  std::array<std::int64_t, kVenueKiosks> next_seq{1, 1, 1, 1};
  const auto paper_out = truth.paper_out_tickets();
  int victim = -1;
  for (const auto& f : plan.faults)
    if (f.kind == FaultKind::kiosk_kill) victim = f.victim;
  std::map<std::string, std::int64_t> refusals;
  for (const auto& drop : truth.drops()) {
    const auto& s = plan.scans.at(static_cast<std::size_t>(drop.scan));
    auto& kiosk = seen.kiosks[static_cast<std::size_t>(drop.kiosk)];
    const int run = drop.kiosk == kIppKiosk && drop.at >= kiosk_restart(plan) ? 1 : 0;
    const bool admitted = expects_admission(s.expect);
    kiosk.decisions.push_back({s.code == CodeKind::genuine ? ticket_code(s.ticket) : "",
                               admitted ? "admitted" : "refused",
                               std::string(refusal_reason(s.expect)), run});
    if (!admitted) {
      if (run == kiosk.runs - 1) ++refusals[std::string(refusal_reason(s.expect))];
      continue;
    }
    const AdmissionRow row{kiosk_name(drop.kiosk), next_seq[static_cast<std::size_t>(drop.kiosk)]++,
                           s.ticket, "entry"};
    seen.server.push_back(row);
    const auto& name = truth.person(s.ticket).name;
    const bool no_paper = drop.kiosk == kIppKiosk && paper_out.contains(s.ticket);
    if (no_paper) {
      kiosk.prints.push_back({ticket_code(s.ticket), 1, 0, 1, "failed", "media-empty", drop.at});
      seen.badges.push_back(
          {row.kiosk, row.seq, 1, 1, "desk.pdf", drop.at + 900, "Reprint 1 " + name});
    } else {
      seen.badges.push_back(
          {row.kiosk, row.seq, 0, 1, "first.pdf", drop.at + 300, name + " Teilnehmer"});
    }
    if (s.id == victim)
      seen.badges.push_back(
          {row.kiosk, row.seq, 0, 2, "resumed.pdf", drop.at + 5000, "Reprint 1 " + name});
  }
  for (auto& k : seen.kiosks) {
    k.replica = seen.server;
    k.print_jobs["done"] = 1;
  }
  seen.kiosks[kIppKiosk].print_jobs["failed"] = static_cast<std::int64_t>(paper_out.size());

  std::set<int> canceled;
  for (const auto& c : plan.changes)
    if (c.kind == ChangeKind::cancel) canceled.insert(c.ticket);
  const auto admitted = truth.admitted_tickets();
  std::map<std::string, std::pair<int, int>> categories;
  for (int t = 1; t <= static_cast<int>(plan.people.size()); ++t) {
    auto& c = categories[truth.person(t).category];
    c.first += admitted.contains(t) ? 1 : 0;
    c.second += canceled.contains(t) ? 0 : 1;
  }
  auto by_category = nlohmann::json::array();
  for (const auto& [label, c] : categories)
    by_category.push_back({{"category", label}, {"admitted", c.first}, {"expected", c.second}});
  seen.alerts = nlohmann::json::array();
  for (const int t : truth.duplicate_tickets())
    seen.alerts.push_back({{"kind", "duplicate"}, {"ticket", t}, {"kiosk", "K3"}});
  seen.alerts.push_back({{"kind", "clock_skew"}, {"ticket", nullptr}, {"kiosk", "K1"}});
  seen.summary = {{"today", {{"day", 2}}},
                  {"admitted", admitted.size()},
                  {"on_site", admitted.size()},
                  {"expected", plan.people.size() - canceled.size()},
                  {"by_category", by_category},
                  {"refusals", refusals},
                  {"kiosks", {{"online", 4}, {"total", 4}}},
                  {"open_alerts", seen.alerts.size()}};
  seen.kiosk_list = nlohmann::json::array();
  for (int k = 0; k < kVenueKiosks; ++k)
    seen.kiosk_list.push_back({{"id", kiosk_name(k)},
                               {"online", true},
                               {"clock_skew_ms", k == kSkewedKiosk ? 600'120 : 40},
                               {"printer", "ready"}});
  return seen;
}

bool mentions(const std::vector<std::string>& differences, const std::string& text) {
  return std::any_of(differences.begin(), differences.end(),
                     [&](const std::string& d) { return d.find(text) != std::string::npos; });
}

struct Morning {
  Plan plan = make_plan(short_options(20260328));
  TruthLedger truth = run_on_paper(plan);
  Observations seen = faithful_records(truth);
  int first_admitted() const {
    for (const auto& d : truth.drops())
      if (plan.scans.at(static_cast<std::size_t>(d.scan)).expect == Expect::admitted)
        return plan.scans.at(static_cast<std::size_t>(d.scan)).ticket;
    return 0;
  }
};

}  // namespace

TEST_CASE("records that match the truth give no difference", "[soak][checker]") {
  Morning m;
  const auto differences = check_morning(m.truth, m.seen);
  INFO([&] {
    std::string all;
    for (const auto& d : differences) all += d + "\n";
    return all;
  }());
  CHECK(differences.empty());
  // The kiosk killed and restarted starts counting its refusals afresh; the truth follows it.
  const auto refusals = expected_refusals(m.truth, m.seen, match_decisions(m.truth, m.seen));
  std::int64_t total = 0;
  for (const auto& [reason, n] : refusals) total += n;
  std::int64_t refused_scans = 0;
  for (const auto& d : m.truth.drops())
    refused_scans +=
        expects_admission(m.plan.scans.at(static_cast<std::size_t>(d.scan)).expect) ? 0 : 1;
  CHECK(total <= refused_scans);
  CHECK(total > 0);
}

TEST_CASE("an admission missing on the server is named, with the replicas that still hold it",
          "[soak][checker]") {
  Morning m;
  const int ticket = m.first_admitted();
  std::erase_if(m.seen.server, [&](const AdmissionRow& r) { return r.ticket == ticket; });
  const auto differences = check_morning(m.truth, m.seen);
  CHECK(mentions(differences, ticket_code(ticket) + " " + m.truth.person(ticket).name +
                                  ": 0 admission event(s) on the server, truth 1"));
  CHECK(mentions(differences, "K1's replica holds 1 admissions the server does not"));
}

TEST_CASE("a truth that forgot an admission fails on the records it cannot explain",
          "[soak][checker]") {
  Morning m;
  const int ticket = m.first_admitted();
  m.truth.forget_first_admission();
  const auto differences = check_morning(m.truth, m.seen);
  CHECK(mentions(differences, "a decision no frame explains: " + ticket_code(ticket)));
  CHECK(mentions(differences, ticket_code(ticket)));
  CHECK(mentions(differences, "dashboard: admitted today"));
}

TEST_CASE("a wrong refusal reason, an undecided frame and a valid ticket refused are each named",
          "[soak][checker]") {
  Morning m;
  // The first forged code refused as unknown_key instead of invalid.
  [&] {
    for (auto& k : m.seen.kiosks)
      for (auto& d : k.decisions)
        if (d.ticket.empty() && d.reason == "invalid") {
          d.reason = "unknown_key";
          return;
        }
  }();
  // The last decision of K2 lost: its frame was never decided.
  m.seen.kiosks[1].decisions.pop_back();
  // K3 refused a valid ticket.
  for (auto& d : m.seen.kiosks[2].decisions)
    if (d.verdict == "admitted") {
      d.verdict = "refused";
      d.reason = "wrong_day";
      break;
    }
  const auto differences = check_morning(m.truth, m.seen);
  CHECK(mentions(differences, "must be refused as invalid, the kiosk said refused (unknown_key)"));
  CHECK(mentions(differences, "was never decided"));
  CHECK(
      mentions(differences, "a valid ticket must be admitted, the kiosk said refused (wrong_day)"));
}

TEST_CASE("badges: a second copy without the mark, a missing badge, a stray file",
          "[soak][checker]") {
  Morning m;
  auto& badges = m.seen.badges;
  const auto first = badges.front();
  badges.push_back({first.kiosk, first.seq, 0, 2, "again.pdf", 0, first.text});
  // A first copy that never came out (of an admission with only that one copy).
  const auto gone = std::find_if(badges.begin() + 1, badges.end(), [&](const BadgeCopy& c) {
    return c.reprint == 0 && c.attempt == 1 &&
           std::count_if(badges.begin(), badges.end(), [&](const BadgeCopy& o) {
             return o.kiosk == c.kiosk && o.seq == c.seq;
           }) == 1;
  });
  REQUIRE(gone != badges.end());
  const auto missing = *gone;
  badges.erase(gone);
  badges.push_back({"K2", 999, 0, 1, "K2-999-r0-a1.pdf", 0, "Niemand"});
  const auto differences = check_morning(m.truth, m.seen);
  CHECK(mentions(differences, "copy again.pdf is a second copy but not marked Reprint"));
  CHECK(mentions(differences, "-" + std::to_string(missing.seq) + " "));
  CHECK(mentions(differences, "0 first copies, truth 1"));
  CHECK(mentions(differences, "badge K2-999-r0-a1.pdf belongs to no admission"));
}

TEST_CASE("dashboard counts and alerts that differ from the truth", "[soak][checker]") {
  Morning m;
  m.seen.summary["admitted"] = m.seen.summary["admitted"].get<int>() - 1;
  m.seen.summary["kiosks"]["online"] = 3;
  m.seen.summary["refusals"]["invalid"] = 0;
  m.seen.alerts.erase(m.seen.alerts.begin());  // one duplicate alert gone
  const auto differences = check_morning(m.truth, m.seen);
  const auto truth_admitted = m.truth.admitted_tickets().size();
  CHECK(mentions(differences, "dashboard: admitted today: " + std::to_string(truth_admitted - 1) +
                                  ", truth " + std::to_string(truth_admitted)));
  CHECK(mentions(differences, "dashboard: kiosks online: 3, truth 4"));
  CHECK(mentions(differences, "dashboard: refusals invalid: 0, truth"));
  CHECK(mentions(differences, "open duplicate alerts missing for"));
  CHECK(mentions(differences, "open alerts (summary against the alert list)"));
}

TEST_CASE("the frame-to-badge figures keep the killed and the paperless apart", "[soak][report]") {
  Morning m;
  const auto figures = frame_to_badge(m.truth, m.seen);
  CHECK(figures.kiosk_dead.size() == 1);
  CHECK(figures.paper_out.size() == m.truth.paper_out_tickets().size());
  CHECK(figures.all.size() + figures.kiosk_dead.size() + figures.paper_out.size() ==
        m.seen.server.size());
  for (const double ms : figures.all) CHECK(ms == 300);
  CHECK(percentiles({5, 1, 4, 2, 3}).p50 == 3);
  CHECK(percentiles({5, 1, 4, 2, 3}).max == 5);
  std::vector<double> hundred;
  for (int i = 1; i <= 100; ++i) hundred.push_back(i);
  CHECK(percentiles(hundred).p50 == 50);
  CHECK(percentiles(hundred).p99 == 99);
}

TEST_CASE("a kill during a print whose job never resumed is named", "[soak][checker]") {
  Morning m;
  std::erase_if(m.seen.badges, [](const BadgeCopy& c) { return c.attempt == 2; });
  const auto differences = check_morning(m.truth, m.seen);
  CHECK(mentions(differences, "when K4 was killed was never resumed"));
}
