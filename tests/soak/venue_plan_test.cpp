#include "soak/venue_plan.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>

using namespace einlass::test;
using namespace std::chrono_literals;

namespace {

std::string fingerprint(const Plan& plan) {
  std::string text;
  for (const auto& p : plan.people) text += p.name + "|" + p.organisation + "|" + p.category + ";";
  for (const auto& s : plan.scans)
    text += std::to_string(s.at.count()) + "," + std::to_string(s.kiosk) + "," +
            std::to_string(s.ticket) + "," + std::string(to_string(s.style)) + "," +
            std::to_string(s.frame_seed) + "," + std::string(to_string(s.expect)) + ";";
  for (const auto& f : plan.faults)
    text += std::to_string(f.at.count()) + "-" + std::to_string(f.back.count()) + ";";
  return text;
}

const PlannedFault& only(const Plan& plan, FaultKind kind) {
  const auto found = std::find_if(plan.faults.begin(), plan.faults.end(),
                                  [kind](const PlannedFault& f) { return f.kind == kind; });
  REQUIRE(found != plan.faults.end());
  return *found;
}

std::map<Expect, int> expectations(const Plan& plan) {
  std::map<Expect, int> n;
  for (const auto& s : plan.scans) ++n[s.expect];
  return n;
}

}  // namespace

TEST_CASE("the same seed gives the same morning, another seed another", "[soak][plan]") {
  CHECK(fingerprint(make_plan(short_options(7))) == fingerprint(make_plan(short_options(7))));
  CHECK(fingerprint(make_plan(full_options(7))) == fingerprint(make_plan(full_options(7))));
  CHECK(fingerprint(make_plan(short_options(7))) != fingerprint(make_plan(short_options(8))));
}

TEST_CASE("the short morning has every fault and every kind of ticket at least once",
          "[soak][plan]") {
  for (const std::uint32_t seed : {1u, 2u, 20260328u, 99u}) {
    INFO("seed " << seed);
    const Plan plan = make_plan(short_options(seed));
    CHECK(plan.scans.size() >= 80);
    CHECK(plan.scans.size() <= 120);
    std::map<FaultKind, int> faults;
    for (const auto& f : plan.faults) ++faults[f.kind];
    CHECK(faults[FaultKind::server_kill] == 2);
    CHECK(faults[FaultKind::link_cut] == 1);
    CHECK(faults[FaultKind::kiosk_kill] == 1);
    CHECK(faults[FaultKind::paper_out] == 1);
    CHECK(only(plan, FaultKind::link_cut).kiosks == std::vector<int>{1, 2});

    const auto n = expectations(plan);
    CHECK(n.at(Expect::invalid) == plan.options.forged + plan.options.other_event);
    CHECK(n.at(Expect::unknown_key) == plan.options.unknown_key);
    CHECK(n.at(Expect::canceled) == plan.options.canceled_before + plan.options.canceled_during);
    CHECK(n.at(Expect::revoked) == plan.options.revoked_before + plan.options.revoked_during);
    CHECK(n.at(Expect::duplicate) == plan.options.offline_duplicates);
    CHECK(n.at(Expect::already_admitted) ==
          plan.options.repeat_same_kiosk + plan.options.repeat_other_kiosk);
    int phones = 0;
    for (const auto& s : plan.scans) phones += is_phone(s.style) ? 1 : 0;
    CHECK(phones > static_cast<int>(plan.scans.size()) / 4);
    CHECK(phones < static_cast<int>(plan.scans.size()) * 3 / 4);
  }
}

TEST_CASE("the full morning has 500 attendees and cuts the links for a minute", "[soak][plan]") {
  const Plan plan = make_plan(full_options(3));
  std::set<int> came;
  for (const auto& s : plan.scans)
    if (s.code == CodeKind::genuine) came.insert(s.ticket);
  CHECK(came.size() >= 490);
  CHECK(came.size() <= 510);
  const auto& cut = only(plan, FaultKind::link_cut);
  CHECK(cut.back - cut.at == 60s);
}

TEST_CASE("arrivals peak a few minutes after the doors open and tail off", "[soak][plan]") {
  const Plan plan = make_plan(full_options(11));
  std::array<int, 10> per_tenth{};
  for (const auto& s : plan.scans) {
    const auto tenth = std::min<std::int64_t>(9, s.at * 10 / plan.options.doors);
    ++per_tenth[static_cast<std::size_t>(tenth)];
  }
  const auto peak = std::max_element(per_tenth.begin(), per_tenth.end()) - per_tenth.begin();
  CHECK(peak >= 1);
  CHECK(peak <= 3);
  CHECK(per_tenth[8] + per_tenth[9] < per_tenth[static_cast<std::size_t>(peak)]);
  CHECK(per_tenth[8] + per_tenth[9] > 0);
}

TEST_CASE("every kiosk gets a share of the queue", "[soak][plan]") {
  const Plan plan = make_plan(full_options(5));
  std::array<int, kVenueKiosks> per_kiosk{};
  for (const auto& s : plan.scans) ++per_kiosk[static_cast<std::size_t>(s.kiosk)];
  for (const int n : per_kiosk) CHECK(n > static_cast<int>(plan.scans.size()) / 10);
}

TEST_CASE("K4 is idle around its printer changes and its kill, but for the planned scans",
          "[soak][plan]") {
  for (const std::uint32_t seed : {1u, 4u, 20260328u}) {
    INFO("seed " << seed);
    const Plan plan = make_plan(short_options(seed));
    const auto& paper = only(plan, FaultKind::paper_out);
    const auto& kill = only(plan, FaultKind::kiosk_kill);
    const Millis guard = plan.options.guard;
    REQUIRE(kill.victim >= 0);
    const auto& victim = plan.scans.at(static_cast<std::size_t>(kill.victim));
    CHECK(victim.kiosk == kIppKiosk);
    CHECK(victim.at == kill.at);
    CHECK(victim.expect == Expect::admitted);
    int during_paper_out = 0;
    for (const auto& s : plan.scans) {
      if (s.kiosk != kIppKiosk) continue;
      INFO("scan " << s.id << " at " << s.at.count());
      const auto near = [&](Millis t) { return s.at >= t - guard && s.at < t + guard; };
      CHECK_FALSE(near(paper.at));
      CHECK_FALSE(near(paper.back));
      if (s.id != victim.id) CHECK_FALSE((s.at >= kill.at - guard && s.at < kill.back + guard));
      if (s.at > paper.at && s.at < paper.back) ++during_paper_out;
    }
    CHECK(during_paper_out >= 1);
  }
}

TEST_CASE("repeats and duplicates follow their first scan and name what they wait for",
          "[soak][plan]") {
  const Plan plan = make_plan(full_options(13));
  const auto& cut = only(plan, FaultKind::link_cut);
  for (const auto& s : plan.scans) {
    INFO("scan " << s.id);
    if (s.expect == Expect::already_admitted || s.expect == Expect::duplicate) {
      REQUIRE(s.first >= 0);
      REQUIRE(s.first < s.id);
      const auto& first = plan.scans.at(static_cast<std::size_t>(s.first));
      CHECK(first.ticket == s.ticket);
      CHECK(first.expect == Expect::admitted);
      CHECK(first.at < s.at);
      if (s.needs == Needs::first_known) CHECK(first.kiosk != s.kiosk);
    }
    if (s.expect == Expect::duplicate) {
      CHECK(s.needs == Needs::cut_off);
      CHECK(s.at > cut.at);
      CHECK(s.at < cut.back);
      CHECK((s.kiosk == 1 || s.kiosk == 2));
    }
    if (s.expect == Expect::canceled || s.expect == Expect::revoked) {
      const auto change =
          std::find_if(plan.changes.begin(), plan.changes.end(),
                       [&](const PlannedChange& c) { return c.ticket == s.ticket; });
      REQUIRE(change != plan.changes.end());
      if (change->at) {
        CHECK(*change->at < s.at);
        CHECK(s.needs == Needs::status_known);
      }
    }
  }
}

TEST_CASE("the timeline runs every step in time order, the kill right after its victim",
          "[soak][plan]") {
  const Plan plan = make_plan(short_options(20260328));
  const auto steps = timeline(plan);
  CHECK(std::is_sorted(steps.begin(), steps.end(),
                       [](const Step& a, const Step& b) { return a.at < b.at; }));
  std::size_t scans = 0, starts = 0, ends = 0;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& step = steps[i];
    scans += step.kind == StepKind::scan ? 1 : 0;
    starts += step.kind == StepKind::fault_start ? 1 : 0;
    ends += step.kind == StepKind::fault_end ? 1 : 0;
    if (step.kind == StepKind::fault_start &&
        plan.faults.at(static_cast<std::size_t>(step.index)).kind == FaultKind::kiosk_kill) {
      REQUIRE(i > 0);
      CHECK(steps[i - 1].kind == StepKind::scan);
      CHECK(steps[i - 1].index == plan.faults.at(static_cast<std::size_t>(step.index)).victim);
    }
  }
  CHECK(scans == plan.scans.size());
  CHECK(starts == plan.faults.size());
  CHECK(ends == plan.faults.size());
  // Scans drop in id order: the frame names sort as the kiosks must take them.
  int last = -1;
  for (const auto& step : steps)
    if (step.kind == StepKind::scan) {
      CHECK(step.index > last);
      last = step.index;
    }
}
